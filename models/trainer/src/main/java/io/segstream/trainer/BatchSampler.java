package io.segstream.trainer;

import java.util.Random;

/**
 * Draws training batches from a {@link SlicePool}: random square crops, a chosen share of them
 * placed over tumour when the slice has some, and random left-right flips (the brain is roughly
 * symmetric, so a flipped slice is still a plausible one).
 */
final class BatchSampler {

  private final SlicePool pool;
  private final int batchSize;
  private final int crop;
  /** Share of crops of tumour slices that are forced to contain a tumour pixel. */
  private final double tumourCropShare;
  private final Random random;
  /** Whether crops also get {@link Augmentation}'s deformations and intensity changes. */
  private final boolean augment;

  BatchSampler(SlicePool pool, int batchSize, int crop, double tumourCropShare, long seed) {
    this(pool, batchSize, crop, tumourCropShare, seed, false);
  }

  BatchSampler(SlicePool pool, int batchSize, int crop, double tumourCropShare, long seed,
      boolean augment) {
    this.augment = augment;
    this.pool = pool;
    this.batchSize = batchSize;
    this.crop = crop;
    this.tumourCropShare = tumourCropShare;
    this.random = new Random(seed);
  }

  Batch next() {
    float[] image = new float[batchSize * crop * crop * Classes.CHANNELS];
    int[] classes = new int[batchSize * crop * crop];
    for (int item = 0; item < batchSize; item++) {
      copyCrop(pool.random(random), item, image, classes);
    }
    if (augment) {
      augment(image, classes);
    }
    return new Batch(batchSize, crop, crop, image, classes);
  }

  /** Augments every crop of a batch in place; the flip was already drawn by copyCrop. */
  private void augment(float[] image, int[] classes) {
    int pixels = crop * crop;
    for (int item = 0; item < batchSize; item++) {
      float[] itemImage = new float[pixels * Classes.CHANNELS];
      int[] itemClasses = new int[pixels];
      System.arraycopy(image, item * itemImage.length, itemImage, 0, itemImage.length);
      System.arraycopy(classes, item * pixels, itemClasses, 0, pixels);
      Augmentation.deform(itemImage, itemClasses, crop,
          Augmentation.rotationAndElasticField(crop, random));
      Augmentation.scaleAndShift(itemImage, crop, random);
      Augmentation.biasField(itemImage, crop, random);
      Augmentation.noise(itemImage, crop, random);
      System.arraycopy(itemImage, 0, image, item * itemImage.length, itemImage.length);
      System.arraycopy(itemClasses, 0, classes, item * pixels, pixels);
    }
  }

  private void copyCrop(TrainingSlice slice, int item, float[] image, int[] classes) {
    if (slice.rows() < crop || slice.columns() < crop) {
      throw new IllegalStateException("Crop " + crop + " is larger than a slice of "
          + slice.rows() + " x " + slice.columns());
    }
    int anchor = tumourAnchor(slice);
    int top = cropStart(slice.rows(), anchor < 0 ? -1 : anchor / slice.columns());
    int left = cropStart(slice.columns(), anchor < 0 ? -1 : anchor % slice.columns());
    boolean flip = random.nextBoolean();

    for (int row = 0; row < crop; row++) {
      for (int column = 0; column < crop; column++) {
        int sourceColumn = flip ? left + crop - 1 - column : left + column;
        int source = (top + row) * slice.columns() + sourceColumn;
        int target = (item * crop + row) * crop + column;
        classes[target] = slice.classes()[source];
        System.arraycopy(slice.image(), source * Classes.CHANNELS, image,
            target * Classes.CHANNELS, Classes.CHANNELS);
      }
    }
  }

  /** A tumour pixel the crop must contain, or -1 for a crop anywhere. */
  private int tumourAnchor(TrainingSlice slice) {
    if (!slice.hasTumour() || random.nextDouble() >= tumourCropShare) {
      return -1;
    }
    return slice.tumourPixels()[random.nextInt(slice.tumourPixels().length)];
  }

  /** First row (or column) of a crop within extent that contains anchor, if anchor >= 0. */
  private int cropStart(int extent, int anchor) {
    if (anchor < 0) {
      return random.nextInt(extent - crop + 1);
    }
    int lowest = Math.max(0, anchor - crop + 1);
    int highest = Math.min(extent - crop, anchor);
    return lowest + random.nextInt(highest - lowest + 1);
  }
}
