package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {

  private static final int ROWS = 64;
  private static final int COLUMNS = 48;

  @Test
  void everyCropContainsTumourWhenTheTumourCropShareIsOne() {
    SlicePool pool = new SlicePool(1);
    pool.add(sliceWithOneTumourPixel(60, 3));

    Batch batch = new BatchSampler(pool, 50, 16, 1.0, 7).next();

    for (int item = 0; item < batch.size(); item++) {
      int[] crop = Arrays.copyOfRange(batch.classes(), item * 256, (item + 1) * 256);
      assertEquals(1, Arrays.stream(crop).filter(c -> c == 2).count(), "crop " + item);
    }
  }

  @Test
  void keepsImageAndClassesAlignedThroughCropsAndFlips() {
    SlicePool pool = new SlicePool(1);
    pool.add(sliceWithOneTumourPixel(20, 30));

    Batch batch = new BatchSampler(pool, 50, 16, 1.0, 11).next();

    for (int pixel = 0; pixel < batch.classes().length; pixel++) {
      boolean marked = batch.image()[pixel * Classes.CHANNELS + 3] == 1f;
      assertEquals(batch.classes()[pixel] == 2, marked, "pixel " + pixel);
    }
  }

  /** Oedema at one pixel, marked in the FLAIR channel so alignment can be checked. */
  private static TrainingSlice sliceWithOneTumourPixel(int row, int column) {
    int pixel = row * COLUMNS + column;
    float[] image = new float[ROWS * COLUMNS * Classes.CHANNELS];
    byte[] classes = new byte[ROWS * COLUMNS];
    image[pixel * Classes.CHANNELS + 3] = 1f;
    classes[pixel] = 2;
    return new TrainingSlice(ROWS, COLUMNS, image, classes, new int[] {pixel});
  }
}
