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

  @Test
  void rejectsValidationSeedsThatOverlapTheTrainingSeeds() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> parse("--validation-seeds", "1000..1009"));

    assertEquals(true, error.getMessage().contains("1000..1999"));
  }

  @Test
  void rejectsOptionsThatOnlyTheOtherArchitectureHas() {
    IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
        () -> parse("--output-stride", "8"));
    IllegalArgumentException depth = assertThrows(IllegalArgumentException.class,
        () -> parse("--architecture", "deeplabv3plus", "--depth", "0"));

    assertEquals(true, stride.getMessage().contains("--output-stride applies to"));
    assertEquals(true, depth.getMessage().contains("--depth applies to --architecture unet"));
  }

  @Test
  void rejectsRatesSharesAndCountsOutsideTheirRange() {
    String[][] bad = {
      {"--learning-rate", "-1"}, {"--learning-rate", "NaN"}, {"--max-minutes", "-1"},
      {"--tumour-crop-share", "5"}, {"--tumour-slice-share", "-0.1"}, {"--validate-every", "0"},
      {"--crop", "0"}, {"--threads", "0"}, {"--slices-per-study", "0"}, {"--pool", "-3"}
    };

    for (String[] option : bad) {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> parse(option), option[0]);
      assertEquals(true, error.getMessage().contains(option[0]),
          error.getMessage());
    }
  }

  @Test
  void namesTheOptionWhoseSeedRangeIsMalformed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> parse("--test-seeds", "9000..abc"));
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> parse("--test-seeds", "-5..3"));

    assertEquals(true, error.getMessage().startsWith("--test-seeds: "), error.getMessage());
    assertEquals(true, negative.getMessage().startsWith("--test-seeds: "), negative.getMessage());
  }

  @Test
  void writesToTheTargetFolderUnlessToldWhere() {
    assertEquals(java.nio.file.Path.of("target/model"), parse().out());
  }

  private static TrainOptions parse(String... args) {
    return TrainOptions.parse(Options.parse(args, 0, TrainOptions.NAMES));
  }
}
