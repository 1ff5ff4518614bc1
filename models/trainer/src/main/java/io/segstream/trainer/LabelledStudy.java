package io.segstream.trainer;

/**
 * One study ready for training or evaluation: four normalised sequence volumes and the ground
 * truth, all in the flat layout {@code (slice * rows + row) * columns + column}.
 *
 * @param channels normalised volumes in the order T1, T1c, T2, FLAIR
 * @param classes ground-truth class index per voxel (0 background .. 3 enhancing tumour)
 */
public record LabelledStudy(
    long seed, int slices, int rows, int columns, float[][] channels, byte[] classes) {

  public LabelledStudy {
    int voxels = slices * rows * columns;
    if (channels.length != Classes.CHANNELS) {
      throw new IllegalArgumentException(
          "Study needs " + Classes.CHANNELS + " sequences, got " + channels.length);
    }
    for (float[] channel : channels) {
      if (channel.length != voxels) {
        throw new IllegalArgumentException("Sequence volume has " + channel.length
            + " voxels, grid has " + voxels);
      }
    }
    if (classes.length != voxels) {
      throw new IllegalArgumentException(
          "Label volume has " + classes.length + " voxels, grid has " + voxels);
    }
  }

  public int sliceSize() {
    return rows * columns;
  }

  /** True if any voxel of the slice is tumour. */
  public boolean hasTumour(int slice) {
    int start = slice * sliceSize();
    for (int i = start; i < start + sliceSize(); i++) {
      if (classes[i] != 0) {
        return true;
      }
    }
    return false;
  }

  /** True if any sequence has a voxel inside the head in the slice. */
  public boolean hasHead(int slice) {
    int start = slice * sliceSize();
    for (float[] channel : channels) {
      for (int i = start; i < start + sliceSize(); i++) {
        if (channel[i] != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Copies a slice into [rows, columns, channels] order, the layout of one batch item.
   */
  public float[] interleavedSlice(int slice) {
    int size = sliceSize();
    float[] image = new float[size * Classes.CHANNELS];
    int start = slice * size;
    for (int pixel = 0; pixel < size; pixel++) {
      for (int channel = 0; channel < Classes.CHANNELS; channel++) {
        image[pixel * Classes.CHANNELS + channel] = channels[channel][start + pixel];
      }
    }
    return image;
  }

  public byte[] sliceClasses(int slice) {
    int start = slice * sliceSize();
    return java.util.Arrays.copyOfRange(classes, start, start + sliceSize());
  }
}
