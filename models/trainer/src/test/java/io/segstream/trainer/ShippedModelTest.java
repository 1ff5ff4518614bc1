package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a model folder for evaluation: model.json read, checksum checked, seeds kept apart. */
class ShippedModelTest {

  private static final Path UNET = Path.of("../unet");
  private static final String PHANTOM_DATA = PhantomStudies.DESCRIPTION;

  @TempDir Path temporary;

  @Test
  void opensTheShippedUnetWithItsNameVersionAndSeeds() throws IOException {
    ShippedModel model = ShippedModel.open(UNET);

    assertEquals("segstream-unet 1.0.0", model.toString());
    assertEquals(new SeedRange(1000, 1999), model.trainingSeeds());
    assertEquals(new SeedRange(5000, 5009), model.validationSeeds());
    assertEquals(PhantomStudies.DESCRIPTION, model.trainingData());
  }

  @Test
  void refusesASavedModelWhoseFilesWereChanged() throws IOException {
    Path copy = copyOfUnet();
    Path variables = copy.resolve("saved_model/variables/variables.data-00000-of-00001");
    byte[] bytes = Files.readAllBytes(variables);
    bytes[bytes.length / 2] ^= 1;
    Files.write(variables, bytes);

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ShippedModel.open(copy));

    assertTrue(error.getMessage().contains("the model files were changed"), error.getMessage());
  }

  @Test
  void refusesAMissingOrMalformedModelJsonNamingTheFile() throws IOException {
    Path copy = copyOfUnet();
    Path modelJson = copy.resolve("model.json");
    Files.writeString(modelJson, "{\"name\": \"segstream-unet\",");

    IllegalArgumentException malformed =
        assertThrows(IllegalArgumentException.class, () -> ShippedModel.open(copy));
    Files.writeString(modelJson, "{}");
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> ShippedModel.open(copy));
    Files.delete(modelJson);
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> ShippedModel.open(copy));

    assertTrue(malformed.getMessage().contains("model.json is not valid JSON (line 1"),
        malformed.getMessage());
    assertTrue(empty.getMessage().contains("has no text at \"name\""), empty.getMessage());
    assertTrue(missing.getMessage().startsWith("No model.json in "), missing.getMessage());
  }

  @Test
  void refusesAnEnsembleOfOneSavedModelTwiceEvenFromACopy() throws IOException {
    ShippedModel unet = ShippedModel.open(UNET);
    ShippedModel copy = ShippedModel.open(copyOfUnet());
    ShippedModel deepLab = ShippedModel.open(Path.of("../deeplabv3plus"));

    assertThrows(IllegalArgumentException.class,
        () -> ShippedModel.requireDifferent(java.util.List.of(unet, copy)));
    ShippedModel.requireDifferent(java.util.List.of(unet, deepLab));
  }

  @Test
  void refusesTestSeedsTheModelWasTrainedOrValidatedOn() throws IOException {
    ShippedModel model = ShippedModel.open(UNET);

    assertThrows(IllegalArgumentException.class,
        () -> model.requireUnseen(new SeedRange(1000, 1003), PHANTOM_DATA));
    assertThrows(IllegalArgumentException.class,
        () -> model.requireUnseen(new SeedRange(5009, 5010), PHANTOM_DATA));
    model.requireUnseen(new SeedRange(9000, 9019), PHANTOM_DATA);
    model.requireUnseen(new SeedRange(1000, 1003), "BraTS-layout NIfTI cases from /data");
  }

  @Test
  void trainingRefusesToReplaceAModelOfTheSameNameAndVersion() throws IOException {
    Path copy = copyOfUnet();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ShippedModel.checkOutput(copy, "segstream-unet", "1.0.0", true));
    ShippedModel.checkOutput(copy, "segstream-unet", "1.0.0", false);
    ShippedModel.checkOutput(copy, "segstream-unet", "1.0.1", true);
    ShippedModel.checkOutput(copy, "segstream-deeplabv3plus", "1.0.0", true);
    ShippedModel.checkOutput(temporary.resolve("new"), "segstream-unet", "1.0.0", true);

    assertTrue(error.getMessage().contains("--model-version"), error.getMessage());
  }

  @Test
  void refusesToWriteOverAFileOrAFolderThatHoldsNoModel() throws IOException {
    Path file = Files.writeString(temporary.resolve("notes.txt"), "keep");
    Path folder = Files.createDirectories(temporary.resolve("mine"));
    Files.writeString(folder.resolve("notes.txt"), "keep");
    Path brokenModel = copyOfUnet();
    Files.writeString(brokenModel.resolve("model.json"), "{");
    Path empty = Files.createDirectories(temporary.resolve("empty"));

    for (Path out : new Path[] {file, folder, brokenModel}) {
      assertThrows(IllegalArgumentException.class,
          () -> ShippedModel.checkOutput(out, "segstream-unet", "2.0.0", true), out.toString());
    }
    ShippedModel.checkOutput(empty, "segstream-unet", "2.0.0", true);

    assertEquals("keep", Files.readString(folder.resolve("notes.txt")));
  }

  private Path copyOfUnet() throws IOException {
    Path copy = temporary.resolve("unet");
    try (Stream<Path> paths = Files.walk(UNET)) {
      for (Path path : paths.toList()) {
        Path target = copy.resolve(UNET.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return copy;
  }
}
