package io.segstream.trainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Builds the shipped model folder from a checkpoint: the inference-only SavedModel, its
 * held-out evaluation, model.json, MODEL_CARD.md and SHA256SUMS.
 *
 * <p>Everything is written to a sibling {@code .partial} folder first and swapped in at the
 * end, so a reader never sees a half-written model.
 */
final class ModelPackage {

  private static final Logger LOG = Logger.getLogger(ModelPackage.class.getName());
  static final String SAVED_MODEL = "saved_model";

  private ModelPackage() {}

  static Path build(ModelFacts facts, Path checkpointPrefix, StudySource source, Path out)
      throws IOException {
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    deleteRecursively(partial);
    Files.createDirectories(partial);

    Path savedModel = partial.resolve(SAVED_MODEL);
    long parameters = SavedModelExport.export(facts.architecture(), checkpointPrefix, savedModel);
    Evaluations evaluations = evaluate(
        List.of(savedModel), facts.options().testSeeds(), facts.options().threads(), source);

    String checksum = SavedModelChecksum.of(savedModel);
    ModelDocuments documents = new ModelDocuments(facts, parameters, checksum,
        folderSize(savedModel), evaluations);
    write(partial.resolve("model.json"), Json.write(documents.modelJson()));
    write(partial.resolve("MODEL_CARD.md"), documents.modelCard());
    write(partial.resolve("SHA256SUMS"), SavedModelChecksum.manifest(partial));

    deleteRecursively(out);
    Files.move(partial, out);
    LOG.info("model written to " + out + " (SavedModel sha256 " + checksum + ")");
    return out;
  }

  record Evaluations(
      Evaluation heldOut, Evaluation sample, StudySource.SampleStudy sampleStudy) {}

  /**
   * Held-out and sample-study Dice of exported models through their serving signatures: one
   * model, or several as an ensemble that averages their probabilities, as the worker does.
   */
  static Evaluations evaluate(
      List<Path> models, SeedRange testSeeds, int threads, StudySource source) {
    try (EnsemblePredictor predictor = EnsemblePredictor.open(models, threads)) {
      Evaluation heldOut = Evaluation.run(source, predictor, testSeeds,
          StudySource.Kind.TRAINING, study -> LOG.info("held-out " + describe(study)));
      StudySource.SampleStudy sampleStudy = source.sample(testSeeds);
      Evaluation sample = Evaluation.run(source, predictor,
          new SeedRange(sampleStudy.seed(), sampleStudy.seed()), sampleStudy.kind(),
          study -> LOG.info("sample study " + describe(study)));
      LOG.info("held-out mean Dice: " + heldOut.summary() + "; sample study: "
          + sample.summary());
      return new Evaluations(heldOut, sample, sampleStudy);
    }
  }

  private static String describe(StudyDice study) {
    StringBuilder line = new StringBuilder("seed " + study.seed() + ":");
    for (Region region : Region.values()) {
      line.append(String.format(java.util.Locale.ROOT, " %s %.3f", region.abbreviation(),
          study.dice(region)));
    }
    return line.append(" (tumour voxels: predicted ").append(study.predictedTumourVoxels())
        .append(", truth ").append(study.tumourVoxels()).append(')').toString();
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static long folderSize(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }

  static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** What the documents need to know about the run besides the evaluation. */
  record ModelFacts(
      Architecture architecture, TrainOptions options, TrainingSummary training,
      String dataDescription, String version) {

    List<String> channelNames() {
      return List.of("T1", "T1c", "T2", "FLAIR");
    }
  }
}
