package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainOptionsTest {

  @Test
  void defaultsToTheShippedRecipe() {
    TrainOptions options = parse();

    assertEquals("unet", options.architecture());
    assertEquals(4, options.depth());
    assertEquals(16, options.baseWidth());
    assertEquals(Loss.CROSS_ENTROPY_PLUS_DICE, options.loss());
    assertEquals(new SeedRange(9000, 9019), options.testSeeds());
  }

  @Test
  void rejectsTrainingSeedsThatOverlapTheHeldOutTestSeeds() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> parse("--training-seeds", "8000..9005"));

    assertEquals(true, error.getMessage().contains("9000..9019"));
  }

  @Test
  void rejectsTrainingOnTheSampleStudySeed() {
    assertThrows(IllegalArgumentException.class, () -> parse("--training-seeds", "1..100"));
  }

  @Test
  void rejectsUnknownOptionsNamingTheKnownOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> parse("--epochs", "3"));

    assertEquals(true, error.getMessage().contains("--steps"));
  }

  @Test
  void unetOfTheShippedSizeHasTheDocumentedParameterCount() {
    try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
      org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(graph);
      Weights weights = Weights.restorable(tf);
      new UNet(4, 16).logits(tf, tf.placeholder(org.tensorflow.types.TFloat32.class), weights);

      assertEquals(482_228, weights.parameterCount());
    }
  }

  @Test
  void unetRejectsDepthsThatWouldNeedMoreThanSixteenfoldPadding() {
    assertThrows(IllegalArgumentException.class, () -> new UNet(6, 16));
  }

  private static TrainOptions parse(String... args) {
    return TrainOptions.parse(Options.parse(args, 0, TrainOptions.NAMES));
  }
}
