package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegionTest {

  // Class indices: 0 background, 1 necrotic core, 2 oedema, 3 enhancing tumour.

  @Test
  void diceIsOneWhenTheRegionIsEmptyInTruthAndPrediction() {
    byte[] none = {0, 0, 0, 0};

    assertEquals(1.0, Region.WHOLE_TUMOUR.dice(none, none));
  }

  @Test
  void diceIsZeroWhenTumourIsPredictedInATumourFreeStudy() {
    assertEquals(0.0, Region.WHOLE_TUMOUR.dice(new byte[] {0, 0}, new byte[] {2, 0}));
  }

  @Test
  void wholeTumourJoinsAllTumourClasses() {
    byte[] truth = {1, 2, 3, 0};
    byte[] predicted = {2, 3, 1, 0};

    assertEquals(1.0, Region.WHOLE_TUMOUR.dice(truth, predicted));
  }

  @Test
  void tumourCoreLeavesOutOedema() {
    byte[] truth = {1, 3, 2, 0};
    byte[] predicted = {1, 2, 2, 0};

    // Truth core {0, 1}, predicted core {0}: 2 * 1 / (2 + 1).
    assertEquals(2.0 / 3.0, Region.TUMOUR_CORE.dice(truth, predicted), 1e-12);
  }

  @Test
  void enhancingTumourIsOnlyBratsLabelFour() {
    byte[] truth = {3, 3, 1, 0};
    byte[] predicted = {3, 1, 3, 0};

    assertEquals(0.5, Region.ENHANCING_TUMOUR.dice(truth, predicted), 1e-12);
    assertEquals(4, Classes.bratsLabel(3));
    assertEquals(3, Classes.classOf(4));
  }
}
