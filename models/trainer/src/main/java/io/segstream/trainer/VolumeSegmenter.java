package io.segstream.trainer;

/**
 * Segments a whole study slice by slice as the worker will: each axial slice is zero-padded at
 * the end of its rows and columns to a multiple of 16, run through the model, and the argmax
 * class of each original pixel is kept; then tumour components smaller than 0.1 mL are removed,
 * as the worker's postprocessing does ({@link SmallComponents}).
 */
final class VolumeSegmenter {

  /** The worker pads every slice to a multiple of this. */
  static final int PAD_MULTIPLE = 16;

  private final Predictor predictor;
  private final int batchSize;

  VolumeSegmenter(Predictor predictor, int batchSize) {
    this.predictor = predictor;
    this.batchSize = batchSize;
  }

  /** Returns the predicted class index of every voxel. */
  byte[] segment(LabelledStudy study) {
    byte[] classes = new byte[study.classes().length];
    for (int first = 0; first < study.slices(); first += batchSize) {
      int count = Math.min(batchSize, study.slices() - first);
      Batch batch = paddedBatch(study, first, count);
      keepArgmax(study, first, batch, predictor.probabilities(batch), classes);
    }
    SmallComponents.remove(classes, study.slices(), study.rows(), study.columns(),
        SmallComponents.MIN_VOXELS);
    return classes;
  }

  static int padded(int extent) {
    return (extent + PAD_MULTIPLE - 1) / PAD_MULTIPLE * PAD_MULTIPLE;
  }

  private static Batch paddedBatch(LabelledStudy study, int first, int count) {
    int height = padded(study.rows());
    int width = padded(study.columns());
    float[] image = new float[count * height * width * Classes.CHANNELS];
    for (int item = 0; item < count; item++) {
      int sliceStart = (first + item) * study.sliceSize();
      for (int row = 0; row < study.rows(); row++) {
        for (int column = 0; column < study.columns(); column++) {
          int source = sliceStart + row * study.columns() + column;
          int target = ((item * height + row) * width + column) * Classes.CHANNELS;
          for (int channel = 0; channel < Classes.CHANNELS; channel++) {
            image[target + channel] = study.channels()[channel][source];
          }
        }
      }
    }
    return new Batch(count, height, width, image, new int[count * height * width]);
  }

  private static void keepArgmax(
      LabelledStudy study, int first, Batch batch, float[] probabilities, byte[] classes) {
    for (int item = 0; item < batch.size(); item++) {
      int sliceStart = (first + item) * study.sliceSize();
      for (int row = 0; row < study.rows(); row++) {
        for (int column = 0; column < study.columns(); column++) {
          int pixel = (item * batch.height() + row) * batch.width() + column;
          classes[sliceStart + row * study.columns() + column] =
              (byte) argmax(probabilities, pixel * Classes.COUNT);
        }
      }
    }
  }

  private static int argmax(float[] values, int offset) {
    int best = 0;
    for (int i = 1; i < Classes.COUNT; i++) {
      if (values[offset + i] > values[offset + best]) {
        best = i;
      }
    }
    return best;
  }
}
