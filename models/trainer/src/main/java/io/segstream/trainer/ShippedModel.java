package io.segstream.trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model folder as the trainer writes it (model.json, saved_model/), opened for evaluation.
 *
 * <p>The SavedModel's checksum is checked against model.json before anything runs, as the
 * worker does, so a table printed for a folder is the table of the model that folder names.
 */
record ShippedModel(
    Path folder, String name, String version, String sha256, String trainingData,
    SeedRange trainingSeeds, SeedRange validationSeeds) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ShippedModel open(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    Path modelJson = absolute.resolve("model.json");
    if (!Files.isRegularFile(modelJson)) {
      throw new IllegalArgumentException("No model.json in " + absolute
          + "; pass a model folder written by the trainer"
          + " (relative paths resolve from " + Path.of("").toAbsolutePath() + ")");
    }
    JsonNode root = read(modelJson);
    ShippedModel model = new ShippedModel(absolute, required(root, modelJson, "name"),
        required(root, modelJson, "version"), required(root, modelJson, "savedModel", "sha256"),
        required(root, modelJson, "training", "data"), seeds(root, modelJson, "trainingSeeds"),
        seeds(root, modelJson, "validationSeeds"));
    model.verifyChecksum();
    return model;
  }

  /**
   * Checks the folder a model is about to be written to; it is replaced as a whole. Refused:
   * a file, a folder that holds anything but a model the trainer wrote, and, when training
   * (not when re-packaging the same checkpoint), a model of the same name and version, since
   * the worker derives SEG UIDs and event ids from them and new weights need a new version.
   */
  static void checkOutput(Path out, String name, String version, boolean newWeights)
      throws IOException {
    Path shown = out.toAbsolutePath().normalize();
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + shown + " is a file; the trainer replaces"
          + " its --out folder as a whole, so give a new folder or a model folder");
    }
    Path modelJson = out.resolve("model.json");
    if (!Files.isRegularFile(modelJson)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--out " + shown + " holds files but no"
              + " model.json; the trainer replaces its --out folder as a whole, so give a new"
              + " or empty folder, or a model folder it wrote");
        }
      }
      return;
    }
    JsonNode root;
    try {
      root = JSON.readTree(modelJson.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("--out " + shown + " holds a model.json that is not"
          + " valid JSON, so it may not be a model the trainer wrote; remove the folder or"
          + " give another --out", e);
    }
    boolean same = name.equals(root.path("name").asText())
        && version.equals(root.path("version").asText());
    if (newWeights && same) {
      throw new IllegalArgumentException(shown + " already holds " + name + " " + version
          + "; new weights need a new --model-version (the worker derives SEG UIDs and event"
          + " ids from name and version) or another --out");
    }
  }

  Path savedModel() {
    return folder.resolve(ModelPackage.SAVED_MODEL);
  }

  /** An ensemble of one SavedModel twice (same folder or a copy) would only pretend to be one. */
  static void requireDifferent(List<ShippedModel> members) {
    if (members.stream().map(ShippedModel::sha256).distinct().count() < members.size()) {
      throw new IllegalArgumentException("--model names the same SavedModel twice ("
          + members.stream().map(ShippedModel::folder).toList() + "); an ensemble lists each"
          + " model once");
    }
  }

  /** Refuses held-out seeds this model was trained or validated on, for the same data. */
  void requireUnseen(SeedRange testSeeds, String dataDescription) {
    if (!trainingData.equals(dataDescription)) {
      return;
    }
    if (testSeeds.overlaps(trainingSeeds) || testSeeds.overlaps(validationSeeds)) {
      throw new IllegalArgumentException("--test-seeds " + testSeeds + " overlap the studies "
          + name + " " + version + " was trained (" + trainingSeeds + ") or validated ("
          + validationSeeds + ") on, so the table would not be a held-out result; pick"
          + " seeds outside both, e.g. the default 9000..9019");
    }
  }

  @Override
  public String toString() {
    return name + " " + version;
  }

  private void verifyChecksum() throws IOException {
    if (!Files.isRegularFile(savedModel().resolve("saved_model.pb"))) {
      throw new IllegalArgumentException("No saved_model/saved_model.pb in " + folder
          + "; the model folder is incomplete, restore it from the release");
    }
    String actual = SavedModelChecksum.of(savedModel());
    if (!actual.equals(sha256)) {
      throw new IllegalArgumentException("SavedModel in " + folder + " has SHA-256 " + actual
          + " but its model.json names " + sha256 + "; the model files were changed,"
          + " restore them (sha256sum -c SHA256SUMS in the folder shows which)");
    }
  }

  private static JsonNode read(Path modelJson) throws IOException {
    try {
      return JSON.readTree(modelJson.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(modelJson + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
          + "): " + e.getOriginalMessage() + "; restore the file the trainer wrote", e);
    }
  }

  private static String required(JsonNode root, Path modelJson, String... path) {
    JsonNode node = root;
    for (String key : path) {
      node = node.path(key);
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException(modelJson + " has no text at \""
          + String.join(".", path) + "\"; restore the file the trainer wrote");
    }
    return node.asText();
  }

  private static SeedRange seeds(JsonNode root, Path modelJson, String key) {
    String text = required(root, modelJson, "training", key);
    try {
      return SeedRange.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          modelJson + " training." + key + ": " + e.getMessage(), e);
    }
  }
}
