package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
