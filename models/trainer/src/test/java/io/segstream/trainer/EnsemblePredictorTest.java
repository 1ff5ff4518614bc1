package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's ensemble averages its members' probabilities, as the worker's does. */
class EnsemblePredictorTest {

  private static final Batch ONE_PIXEL = new Batch(1, 1, 1, new float[4], new int[1]);

  @Test
  void probabilitiesAreTheMeanOfTheMembers() {
    Predictor a = batch -> new float[] {0.7f, 0.1f, 0.1f, 0.1f};
    Predictor b = batch -> new float[] {0.1f, 0.5f, 0.2f, 0.2f};
    AtomicInteger closed = new AtomicInteger();

    try (EnsemblePredictor ensemble =
        new EnsemblePredictor(List.of(a, b), List.of(closed::incrementAndGet))) {
      assertArrayEquals(new float[] {0.4f, 0.3f, 0.15f, 0.15f},
          ensemble.probabilities(ONE_PIXEL), 1e-6f);
    }
    assertEquals(1, closed.get());
  }

  @Test
  void oneMemberPassesThrough() {
    float[] values = {0.25f, 0.25f, 0.25f, 0.25f};
    try (EnsemblePredictor ensemble = new EnsemblePredictor(List.of(batch -> values), List.of())) {
      assertArrayEquals(values, ensemble.probabilities(ONE_PIXEL), 0f);
    }
  }

  @Test
  void membersOfDifferentOutputSizeAreRefused() {
    try (EnsemblePredictor ensemble = new EnsemblePredictor(
        List.of(batch -> new float[4], batch -> new float[8]), List.of())) {
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> ensemble.probabilities(ONE_PIXEL));
      assertTrue(refused.getMessage().contains("disagree"));
    }
  }

  @Test
  void aFolderWithoutSavedModelIsNamedInTheError(@TempDir Path empty) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> EnsemblePredictor.open(List.of(empty), 1));

    assertTrue(refused.getMessage().contains(empty.toString()), refused.getMessage());
  }

  @Test
  void anEmptyEnsembleIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new EnsemblePredictor(List.of(), List.of()));
  }
}
