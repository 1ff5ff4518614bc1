package io.segstream.trainer;

/**
 * One axial slice kept for training.
 *
 * @param image normalised voxels in [rows, columns, channels] order
 * @param classes class index per pixel
 * @param tumourPixels indices (row * columns + column) of the tumour pixels, for crops that
 *     should contain tumour
 */
record TrainingSlice(int rows, int columns, float[] image, byte[] classes, int[] tumourPixels) {

  static TrainingSlice of(LabelledStudy study, int slice) {
    byte[] classes = study.sliceClasses(slice);
    int tumour = 0;
    for (byte value : classes) {
      tumour += value != 0 ? 1 : 0;
    }
    int[] tumourPixels = new int[tumour];
    for (int i = 0, next = 0; i < classes.length; i++) {
      if (classes[i] != 0) {
        tumourPixels[next++] = i;
      }
    }
    return new TrainingSlice(study.rows(), study.columns(), study.interleavedSlice(slice),
        classes, tumourPixels);
  }

  boolean hasTumour() {
    return tumourPixels.length > 0;
  }
}
