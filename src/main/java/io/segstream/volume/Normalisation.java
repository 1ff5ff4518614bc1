package io.segstream.volume;

/**
 * The models' input normalisation, fixed by their model cards: per sequence volume, over the
 * voxels above zero, subtract the mean and divide by the standard deviation; voxels at or below
 * zero (air outside the head) become 0.
 */
public final class Normalisation {

    private Normalisation() {}

    public static float[] zScoreAboveZero(float[] voxels) {
        double sum = 0;
        double sumSquares = 0;
        long count = 0;
        for (float v : voxels) {
            if (v > 0) {
                sum += v;
                sumSquares += (double) v * v;
                count++;
            }
        }
        float[] out = new float[voxels.length];
        if (count == 0) {
            return out;
        }
        double mean = sum / count;
        double std = Math.sqrt(Math.max(sumSquares / count - mean * mean, 1e-12));
        for (int i = 0; i < voxels.length; i++) {
            out[i] = voxels[i] > 0 ? (float) ((voxels[i] - mean) / std) : 0f;
        }
        return out;
    }
}
