package io.segstream.trainer;

/**
 * The input normalisation of the model contract, done per sequence volume: voxels above zero
 * (inside the head) become z-scores of their own distribution; zero voxels (air) stay zero.
 *
 * <p>The worker must apply exactly this before inference.
 */
public final class Normalisation {

  private Normalisation() {}

  /** Returns a normalised copy of one sequence volume. */
  public static float[] zScoreInsideHead(float[] volume) {
    double sum = 0;
    double sumOfSquares = 0;
    long count = 0;
    for (float value : volume) {
      if (value > 0) {
        sum += value;
        sumOfSquares += (double) value * value;
        count++;
      }
    }
    float[] normalised = new float[volume.length];
    if (count == 0) {
      return normalised;
    }

    double mean = sum / count;
    double variance = Math.max(sumOfSquares / count - mean * mean, 0);
    // A constant volume has no spread; dividing by 1 keeps it finite (all zeros) instead of NaN.
    double standardDeviation = variance > 0 ? Math.sqrt(variance) : 1;
    for (int i = 0; i < volume.length; i++) {
      if (volume[i] > 0) {
        normalised[i] = (float) ((volume[i] - mean) / standardDeviation);
      }
    }
    return normalised;
  }
}
