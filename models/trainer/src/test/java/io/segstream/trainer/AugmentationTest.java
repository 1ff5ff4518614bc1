package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Each augmentation keeps the crop's shape, leaves only valid class indices, changes something,
 * and does the same for the same seed.
 */
class AugmentationTest {

  private static final int SIZE = 32;

  @Test
  void flipMirrorsImageAndClassesTogether() {
    Crop crop = Crop.disc();
    Crop flipped = crop.copy();

    Augmentation.flipLeftRight(flipped.image, flipped.classes, SIZE);

    assertValid(flipped);
    assertEquals(crop.classes[3 * SIZE + 5], flipped.classes[3 * SIZE + SIZE - 1 - 5]);
    assertEquals(crop.image[(3 * SIZE + 5) * 4 + 2],
        flipped.image[(3 * SIZE + SIZE - 1 - 5) * 4 + 2]);
  }

  @Test
  void rotationAndElasticDeformationKeepClassesValidAndAreSeeded() {
    checkStep((crop, random) -> Augmentation.deform(crop.image, crop.classes, SIZE,
        Augmentation.rotationAndElasticField(SIZE, random)), true);
  }

  @Test
  void deformationMovesImageAndClassesTogether() {
    Crop crop = Crop.disc();

    Augmentation.deform(crop.image, crop.classes, SIZE,
        Augmentation.rotationAndElasticField(SIZE, new Random(3)));

    // The FLAIR channel marks the tumour with 1; nearest and bilinear agree away from its edge.
    int agreeing = 0;
    int tumour = 0;
    for (int pixel = 0; pixel < SIZE * SIZE; pixel++) {
      if (crop.classes[pixel] != 0) {
        tumour++;
        agreeing += crop.image[pixel * 4 + 3] > 0.5f ? 1 : 0;
      }
    }
    assertTrue(tumour > 50, "tumour pixels after deformation: " + tumour);
    assertTrue(agreeing > 0.9 * tumour, agreeing + " of " + tumour + " agree");
  }

  @Test
  void intensityScaleAndShiftIsSeededAndKeepsBackgroundZero() {
    checkStep((crop, random) -> Augmentation.scaleAndShift(crop.image, SIZE, random), false);
  }

  @Test
  void biasFieldIsSeededAndKeepsBackgroundZero() {
    checkStep((crop, random) -> Augmentation.biasField(crop.image, SIZE, random), false);
  }

  @Test
  void noiseIsSeededAndKeepsBackgroundZero() {
    checkStep((crop, random) -> Augmentation.noise(crop.image, SIZE, random), false);
  }

  @Test
  void allStepsTogetherAreDeterministicPerSeed() {
    checkStep((crop, random) -> Augmentation.apply(crop.image, crop.classes, SIZE, random), true);
  }

  @Test
  void samplerWithAugmentationGivesTheSameBatchForTheSameSeed() {
    SlicePool pool = new SlicePool(1);
    Crop slice = Crop.disc();
    pool.add(new TrainingSlice(SIZE, SIZE, slice.image, toBytes(slice.classes), new int[] {0}));

    Batch first = new BatchSampler(pool, 4, 16, 0.5, 9, true).next();
    Batch second = new BatchSampler(pool, 4, 16, 0.5, 9, true).next();

    assertEquals(4 * 16 * 16 * 4, first.image().length);
    assertArrayEquals(first.image(), second.image());
    assertArrayEquals(first.classes(), second.classes());
    assertTrue(Arrays.stream(first.classes()).allMatch(c -> c >= 0 && c < Classes.COUNT));
  }

  /** Runs a step twice with one seed and once with another, and checks shape and labels. */
  private static void checkStep(BiConsumer<Crop, Random> step, boolean geometric) {
    Crop original = Crop.disc();
    Crop first = original.copy();
    Crop second = original.copy();
    Crop other = original.copy();

    step.accept(first, new Random(1));
    step.accept(second, new Random(1));
    step.accept(other, new Random(2));

    assertValid(first);
    assertArrayEquals(first.image, second.image);
    assertArrayEquals(first.classes, second.classes);
    assertFalse(Arrays.equals(first.image, other.image), "another seed changes nothing");
    assertFalse(Arrays.equals(original.image, first.image), "the step changes nothing");
    if (!geometric) {
      assertArrayEquals(original.classes, first.classes);
      for (int i = 0; i < original.image.length; i++) {
        assertEquals(original.image[i] == 0f, first.image[i] == 0f, "voxel " + i);
      }
    }
  }

  private static void assertValid(Crop crop) {
    assertEquals(SIZE * SIZE * Classes.CHANNELS, crop.image.length);
    assertEquals(SIZE * SIZE, crop.classes.length);
    assertTrue(Arrays.stream(crop.classes).allMatch(c -> c >= 0 && c < Classes.COUNT));
    for (float value : crop.image) {
      assertTrue(Float.isFinite(value));
    }
  }

  private static byte[] toBytes(int[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  /** A head (non-zero disc) with a tumour of all three classes, marked in FLAIR. */
  private record Crop(float[] image, int[] classes) {

    static Crop disc() {
      float[] image = new float[SIZE * SIZE * Classes.CHANNELS];
      int[] classes = new int[SIZE * SIZE];
      Random random = new Random(0);
      for (int row = 0; row < SIZE; row++) {
        for (int column = 0; column < SIZE; column++) {
          double head = Math.hypot(row - 15.5, column - 15.5);
          double tumour = Math.hypot(row - 12, column - 14);
          int pixel = row * SIZE + column;
          if (head < 14) {
            for (int c = 0; c < 3; c++) {
              image[pixel * 4 + c] = (float) random.nextGaussian();
            }
            image[pixel * 4 + 3] = -0.5f;
          }
          if (tumour < 7) {
            classes[pixel] = tumour < 2 ? 1 : tumour < 4 ? 3 : 2;
            image[pixel * 4 + 3] = 1f;
          }
        }
      }
      return new Crop(image, classes);
    }

    Crop copy() {
      return new Crop(image.clone(), classes.clone());
    }
  }
}
