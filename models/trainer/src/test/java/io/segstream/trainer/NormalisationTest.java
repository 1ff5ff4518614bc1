package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalisationTest {

  @Test
  void keepsAirAtZeroAndStandardisesTheHead() {
    float[] volume = {0, 100, 200, 300, 0};

    float[] normalised = Normalisation.zScoreInsideHead(volume);

    // Head voxels 100, 200, 300: mean 200, population standard deviation sqrt(20000 / 3).
    float unit = (float) (100 / Math.sqrt(20000.0 / 3));
    assertArrayEquals(new float[] {0, -unit, 0, unit, 0}, normalised, 1e-6f);
  }

  @Test
  void mapsAConstantHeadToZeroInsteadOfNotANumber() {
    float[] normalised = Normalisation.zScoreInsideHead(new float[] {0, 5, 5});

    assertArrayEquals(new float[] {0, 0, 0}, normalised);
  }

  @Test
  void leavesAnEmptyVolumeEmpty() {
    assertEquals(3, Normalisation.zScoreInsideHead(new float[3]).length);
  }
}
