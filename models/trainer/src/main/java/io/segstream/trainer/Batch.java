package io.segstream.trainer;

/**
 * Slices ready for the network: image in [N, H, W, channels] order, classes in [N, H, W].
 *
 * @param image normalised voxels, channels T1, T1c, T2, FLAIR innermost
 * @param classes class index per pixel (0 background .. 3 enhancing tumour)
 */
public record Batch(int size, int height, int width, float[] image, int[] classes) {

  public Batch {
    int pixels = size * height * width;
    if (image.length != pixels * Classes.CHANNELS || classes.length != pixels) {
      throw new IllegalArgumentException("Batch of " + size + " x " + height + " x " + width
          + " needs " + pixels * Classes.CHANNELS + " image values and " + pixels
          + " classes, got " + image.length + " and " + classes.length);
    }
  }
}
