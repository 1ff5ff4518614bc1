package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-line options that issue #3 added: architecture, output stride, augment, data. */
class DeepLabOptionsTest {

  @Test
  void buildsADeepLabWithTheRequestedOutputStride() {
    Architecture architecture = Architectures.create(parse("--architecture", "deeplabv3plus",
        "--output-stride", "8", "--blocks-per-stage", "1"));

    DeepLabV3Plus deepLab = (DeepLabV3Plus) architecture;
    assertEquals("deeplabv3plus", architecture.name());
    assertEquals(8, architecture.inputMultiple());
    assertArrayEquals(new int[] {12, 24, 36}, deepLab.asppRates());
    assertEquals(List.of(1, 1, 2, 4), architecture.hyperparameters().get("stageAtrousRates"));
  }

  @Test
  void outputStrideSixteenDilatesOnlyTheLastStage() {
    DeepLabV3Plus deepLab = new DeepLabV3Plus(2, 16, 16, AtrousForm.SPACE_TO_BATCH);

    assertEquals(List.of(1, 1, 1, 2), deepLab.hyperparameters().get("stageAtrousRates"));
    assertArrayEquals(new int[] {6, 12, 18}, deepLab.asppRates());
    assertEquals(16, deepLab.inputMultiple());
  }

  @Test
  void modelCardNotesFollowTheOutputStrideAndNameTheImagePoolingBatchNorm() {
    String sixteen = String.join("\n",
        new DeepLabV3Plus(2, 16, 16, AtrousForm.SPACE_TO_BATCH).cardNotes());
    String eight = String.join("\n",
        new DeepLabV3Plus(2, 16, 8, AtrousForm.SPACE_TO_BATCH).cardNotes());

    assertTrue(sixteen.contains("output stride 16") && sixteen.contains("atrous rate 2"));
    assertTrue(eight.contains("output stride 8") && eight.contains("atrous rates 2 and 4"));
    assertTrue(sixteen.contains("Batch normalisation after the image-pooling 1x1 convolution"));
    assertTrue(new UNet(4, 16).cardNotes().isEmpty());
  }

  @Test
  void decoderTakesStageOneFeaturesUnlessAskedForTheStems() {
    Map<String, Object> paper =
        Architectures.create(parse("--architecture", "deeplabv3plus")).hyperparameters();
    Map<String, Object> stem = Architectures.create(parse("--architecture", "deeplabv3plus",
        "--low-level-stride", "2")).hyperparameters();

    assertEquals(4, paper.get("lowLevelStride"));
    assertEquals("stage 1, stride 4, reduced to 16", paper.get("lowLevelFeatures"));
    assertEquals(2, stem.get("lowLevelStride"));
    assertEquals("the stem, stride 2, reduced to 16", stem.get("lowLevelFeatures"));
    assertThrows(IllegalArgumentException.class,
        () -> new DeepLabV3Plus(2, 16, 16, 8, AtrousForm.SPACE_TO_BATCH));
  }

  @Test
  void bothLowLevelStridesPredictEveryPixelOfTheInput() {
    Batch batch = ExportedModelTest.randomBatch(1, 48, 80);

    for (int lowLevelStride : new int[] {2, 4}) {
      DeepLabV3Plus deepLab = new DeepLabV3Plus(1, 4, 16, lowLevelStride,
          AtrousForm.SPACE_TO_BATCH);
      try (TrainingGraph graph = new TrainingGraph(deepLab, Loss.CROSS_ENTROPY, 1, 1)) {
        float[] probabilities = graph.probabilities(batch);

        assertEquals(48 * 80 * Classes.COUNT, probabilities.length, "stride " + lowLevelStride);
        assertEquals(1.0, probabilities[0] + probabilities[1] + probabilities[2]
            + probabilities[3], 1e-5);
      }
    }
  }

  @Test
  void rejectsOtherOutputStrides() {
    assertThrows(IllegalArgumentException.class,
        () -> new DeepLabV3Plus(2, 16, 32, AtrousForm.SPACE_TO_BATCH));
  }

  @Test
  void augmentationIsOffUnlessAskedFor() {
    assertEquals(false, parse().augment());
    assertEquals(true, parse("--augment", "full").augment());
    assertThrows(IllegalArgumentException.class, () -> parse("--augment", "some"));
  }

  @Test
  void rejectsUnknownDataAndAMissingBratsFolder() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> StudySources.create("imagenet"));
    java.io.IOException missing = assertThrows(java.io.IOException.class,
        () -> StudySources.create("brats:/no/such/folder"));

    assertTrue(unknown.getMessage().contains("phantom or brats:"), unknown.getMessage());
    assertTrue(missing.getMessage().contains("/no/such/folder"), missing.getMessage());
  }

  private static TrainOptions parse(String... args) {
    return TrainOptions.parse(Options.parse(args, 0, TrainOptions.NAMES));
  }
}
