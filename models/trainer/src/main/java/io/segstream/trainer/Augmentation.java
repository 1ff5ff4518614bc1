package io.segstream.trainer;

import java.util.Random;

/**
 * Random, seeded changes to one training crop that keep it a plausible MRI slice with a correct
 * label map: geometric ones (left-right flip, a small rotation, an elastic deformation) move
 * image and classes together, image voxels by bilinear and classes by nearest-neighbour
 * interpolation; intensity ones (per-sequence scale and shift, a smooth multiplicative bias
 * field, Gaussian noise) change only the voxels inside the head (non-zero after
 * normalisation), so the zero background stays zero.
 *
 * <p>Each step is a public method, so that it can be tested alone; {@link #apply} runs them all.
 */
final class Augmentation {

  /** Largest rotation either way, in degrees. */
  static final double MAX_ROTATION_DEGREES = 10;
  /** Displacements of the elastic field are drawn on this many control points per side. */
  static final int ELASTIC_GRID = 5;
  /** Standard deviation of a control point's displacement, in pixels. */
  static final double ELASTIC_SIGMA = 3;
  static final double MAX_SCALE_CHANGE = 0.1;
  static final double MAX_SHIFT = 0.1;
  /** Largest bias-field gain at a corner of the crop, as a log factor (exp(0.2) = 1.22). */
  static final double MAX_BIAS_LOG = 0.2;
  static final double NOISE_SIGMA = 0.05;

  private Augmentation() {}

  /** Every step, each with its own draw; image [size, size, channels], classes [size, size]. */
  static void apply(float[] image, int[] classes, int size, Random random) {
    if (random.nextBoolean()) {
      flipLeftRight(image, classes, size);
    }
    deform(image, classes, size, rotationAndElasticField(size, random));
    scaleAndShift(image, size, random);
    biasField(image, size, random);
    noise(image, size, random);
  }

  static void flipLeftRight(float[] image, int[] classes, int size) {
    for (int row = 0; row < size; row++) {
      for (int column = 0; column < size / 2; column++) {
        int left = row * size + column;
        int right = row * size + size - 1 - column;
        int swap = classes[left];
        classes[left] = classes[right];
        classes[right] = swap;
        for (int c = 0; c < Classes.CHANNELS; c++) {
          float value = image[left * Classes.CHANNELS + c];
          image[left * Classes.CHANNELS + c] = image[right * Classes.CHANNELS + c];
          image[right * Classes.CHANNELS + c] = value;
        }
      }
    }
  }

  /**
   * Source coordinates (row, column interleaved) of every target pixel: a rotation about the
   * centre plus a smooth displacement interpolated from a coarse grid of random vectors.
   */
  static double[] rotationAndElasticField(int size, Random random) {
    double angle = Math.toRadians((random.nextDouble() * 2 - 1) * MAX_ROTATION_DEGREES);
    double[] grid = new double[ELASTIC_GRID * ELASTIC_GRID * 2];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = random.nextGaussian() * ELASTIC_SIGMA;
    }
    double centre = (size - 1) / 2.0;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double[] field = new double[size * size * 2];
    for (int row = 0; row < size; row++) {
      for (int column = 0; column < size; column++) {
        double y = row - centre;
        double x = column - centre;
        double gridRow = row * (ELASTIC_GRID - 1) / (double) Math.max(1, size - 1);
        double gridColumn = column * (ELASTIC_GRID - 1) / (double) Math.max(1, size - 1);
        int pixel = row * size + column;
        field[pixel * 2] = centre + cos * y - sin * x + gridValue(grid, gridRow, gridColumn, 0);
        field[pixel * 2 + 1] = centre + sin * y + cos * x
            + gridValue(grid, gridRow, gridColumn, 1);
      }
    }
    return field;
  }

  private static double gridValue(double[] grid, double row, double column, int component) {
    int top = Math.min((int) row, ELASTIC_GRID - 2);
    int left = Math.min((int) column, ELASTIC_GRID - 2);
    double dy = row - top;
    double dx = column - left;
    return (1 - dy) * ((1 - dx) * grid[((top * ELASTIC_GRID) + left) * 2 + component]
            + dx * grid[((top * ELASTIC_GRID) + left + 1) * 2 + component])
        + dy * ((1 - dx) * grid[(((top + 1) * ELASTIC_GRID) + left) * 2 + component]
            + dx * grid[(((top + 1) * ELASTIC_GRID) + left + 1) * 2 + component]);
  }

  /** Resamples image (bilinear) and classes (nearest) at the field's source coordinates. */
  static void deform(float[] image, int[] classes, int size, double[] field) {
    float[] sourceImage = image.clone();
    int[] sourceClasses = classes.clone();
    for (int pixel = 0; pixel < size * size; pixel++) {
      double row = field[pixel * 2];
      double column = field[pixel * 2 + 1];
      int nearestRow = (int) Math.round(row);
      int nearestColumn = (int) Math.round(column);
      classes[pixel] = inside(nearestRow, nearestColumn, size)
          ? sourceClasses[nearestRow * size + nearestColumn] : 0;
      for (int c = 0; c < Classes.CHANNELS; c++) {
        image[pixel * Classes.CHANNELS + c] = bilinear(sourceImage, size, row, column, c);
      }
    }
  }

  private static float bilinear(float[] image, int size, double row, double column, int c) {
    int top = (int) Math.floor(row);
    int left = (int) Math.floor(column);
    double dy = row - top;
    double dx = column - left;
    return (float) ((1 - dy) * ((1 - dx) * at(image, size, top, left, c)
            + dx * at(image, size, top, left + 1, c))
        + dy * ((1 - dx) * at(image, size, top + 1, left, c)
            + dx * at(image, size, top + 1, left + 1, c)));
  }

  /** Outside the crop is background, which normalisation set to 0. */
  private static float at(float[] image, int size, int row, int column, int c) {
    return inside(row, column, size) ? image[(row * size + column) * Classes.CHANNELS + c] : 0f;
  }

  private static boolean inside(int row, int column, int size) {
    return row >= 0 && row < size && column >= 0 && column < size;
  }

  /** Per sequence, value * (1 + a) + b with |a| <= 0.1 and |b| <= 0.1, inside the head. */
  static void scaleAndShift(float[] image, int size, Random random) {
    for (int c = 0; c < Classes.CHANNELS; c++) {
      float scale = (float) (1 + (random.nextDouble() * 2 - 1) * MAX_SCALE_CHANGE);
      float shift = (float) ((random.nextDouble() * 2 - 1) * MAX_SHIFT);
      for (int pixel = 0; pixel < size * size; pixel++) {
        int i = pixel * Classes.CHANNELS + c;
        if (image[i] != 0f) {
          image[i] = image[i] * scale + shift;
        }
      }
    }
  }

  /**
   * Per sequence, multiplies by exp(p(x, y)), p a random quadratic polynomial over the crop
   * scaled to [-1, 1]: the slow intensity drift of a receive coil's sensitivity.
   */
  static void biasField(float[] image, int size, Random random) {
    for (int c = 0; c < Classes.CHANNELS; c++) {
      double[] coefficients = new double[5];
      for (int k = 0; k < coefficients.length; k++) {
        coefficients[k] = (random.nextDouble() * 2 - 1) * MAX_BIAS_LOG / coefficients.length;
      }
      for (int row = 0; row < size; row++) {
        double y = 2.0 * row / Math.max(1, size - 1) - 1;
        for (int column = 0; column < size; column++) {
          double x = 2.0 * column / Math.max(1, size - 1) - 1;
          int i = (row * size + column) * Classes.CHANNELS + c;
          if (image[i] != 0f) {
            double log = coefficients[0] * x + coefficients[1] * y + coefficients[2] * x * y
                + coefficients[3] * x * x + coefficients[4] * y * y;
            image[i] *= (float) Math.exp(log);
          }
        }
      }
    }
  }

  /** Adds Gaussian noise of standard deviation 0.05 (of the normalised scale) inside the head. */
  static void noise(float[] image, int size, Random random) {
    for (int i = 0; i < size * size * Classes.CHANNELS; i++) {
      if (image[i] != 0f) {
        image[i] += (float) (random.nextGaussian() * NOISE_SIGMA);
      }
    }
  }
}
