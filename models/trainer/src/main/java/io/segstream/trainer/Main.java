package io.segstream.trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Command line of the trainer.
 *
 * <pre>
 * train    [--architecture unet] [--depth 4] [--base-width 16] [--loss ce|dice|ce+dice]
 *          [--steps 3000] [--max-minutes 0] [--batch 8] [--out target/model] ...
 * package  same options as train; exports and evaluates the last checkpoint without training
 * evaluate [--model ../unet[,DIR...]] [--test-seeds 9000..9019] [--threads 2]
 *          [--data phantom|brats:/path]
 * </pre>
 */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  /** Seed of the demo sample study (TumourOptions.sampleStudy()); never trained on. */
  public static final long SAMPLE_SEED = 7;
  /**
   * Version written into model.json unless --model-version says otherwise: no shipped model
   * has it, so a trial run never takes a shipped model's identity.
   */
  static final String MODEL_VERSION = "0.0.0";

  private Main() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.util.logging.SimpleFormatter.format",
        "%1$tT %4$s %3$s: %5$s%6$s%n");
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    switch (args[0]) {
      case "train" -> train(TrainOptions.parse(Options.parse(args, 1, TrainOptions.NAMES)), true);
      case "package" ->
          train(TrainOptions.parse(Options.parse(args, 1, TrainOptions.NAMES)), false);
      case "evaluate" ->
          evaluate(Options.parse(args, 1, Set.of("model", "test-seeds", "threads", "data")));
      case "help", "--help", "-h" -> usage();
      default -> throw new IllegalArgumentException("Unknown command " + args[0]
          + "; the commands are train, package and evaluate (help prints their options)");
    }
  }

  private static void train(TrainOptions options, boolean optimise) throws Exception {
    warnWithoutOneDnn();
    Architecture architecture = Architectures.create(options);
    ShippedModel.checkOutput(options.out(), ModelDocuments.modelName(architecture),
        options.modelVersion(), optimise);
    if (optimise && options.initFrom() != null) {
      Trainer.requireCheckpoint(options.initFrom(), "--init-from");
    } else if (!optimise) {
      Trainer.requireCheckpoint(Trainer.checkpointPrefix(options.work()), "package --work");
    }
    StudySource source = StudySources.create(options.data());
    TrainingSummary summary = optimise
        ? new Trainer(options, architecture, source).train()
        : TrainingSummary.read(Trainer.summaryFile(options.work()));
    LOG.info("training: " + summary);

    ModelPackage.ModelFacts facts = new ModelPackage.ModelFacts(
        architecture, options, summary, source.description(), options.modelVersion());
    ModelPackage.build(facts, Trainer.checkpointPrefix(options.work()), source, options.out());
  }

  private static void evaluate(Options options) throws java.io.IOException {
    SeedRange seeds = options.seeds("test-seeds", "9000..9019");
    int threads = options.integer("threads", 2);
    TrainOptions.requirePositive("threads", threads);
    List<ShippedModel> models = new ArrayList<>();
    for (String path : options.text("model", "../unet").split(",")) {
      if (!path.isBlank()) {
        models.add(ShippedModel.open(Path.of(path.trim())));
      }
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("--model names no folder; pass e.g. ../unet");
    }
    ShippedModel.requireDifferent(models);
    StudySource source = StudySources.create(options.text("data", "phantom"));
    models.forEach(model -> model.requireUnseen(seeds, source.description()));

    ModelPackage.Evaluations evaluations = ModelPackage.evaluate(
        models.stream().map(ShippedModel::savedModel).toList(), seeds, threads, source);
    System.out.println("Held-out studies " + seeds + ", whole-volume Dice of "
        + (models.size() == 1 ? models.get(0) : "the ensemble (mean probabilities) of "
        + models.stream().map(ShippedModel::toString).collect(Collectors.joining(" + ")))
        + " (" + models.stream().map(model -> model.folder().toString())
            .collect(Collectors.joining(", ")) + "):\n");
    System.out.println(evaluations.heldOut().table());
    System.out.println("Sample study (" + evaluations.sampleStudy().description() + "): "
        + evaluations.sample().summary());
  }

  /** oneDNN is read from the environment when TensorFlow loads; it halves the step time. */
  private static void warnWithoutOneDnn() {
    if (!"1".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"))) {
      LOG.warning("TF_ENABLE_ONEDNN_OPTS is not 1: training runs about 2x slower on CPU;"
          + " set it in the environment (the exec:exec command in models/README.md does)");
    }
  }

  private static void usage() {
    System.out.println(String.join("\n",
        "usage: train    [--architecture unet|deeplabv3plus] [--depth 4] [--base-width 16]",
        "                [--output-stride 16] [--blocks-per-stage 2] [--low-level-stride 4|2]",
        "                (DeepLabv3+ only)",
        "                [--data phantom|brats:/path] [--augment flip|full]",
        "                [--loss ce|dice|ce+dice] [--steps 3000] [--max-minutes 0] [--batch 8]",
        "                [--crop 128] [--learning-rate 0.001] [--out target/model]",
        "                [--work target/training] [--threads 2] [--seed 1]",
        "                [--training-seeds 1000..1999] [--validation-seeds 5000..5009]",
        "                [--test-seeds 9000..9019] [--validate-every 1000]",
        "                [--slices-per-study 16] [--tumour-slice-share 0.667]",
        "                [--tumour-crop-share 0.8] [--pool 1200] [--init-from CHECKPOINT_PREFIX]",
        "                [--model-version 0.0.0]",
        "       package  (options of train) export, evaluate and document the last checkpoint",
        "       evaluate [--model ../unet] [--test-seeds 9000..9019] [--threads 2]",
        "                (--model DIR,DIR: an ensemble averaging their probabilities)",
        "                [--data phantom|brats:/path]"));
  }
}
