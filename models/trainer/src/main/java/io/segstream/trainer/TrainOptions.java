package io.segstream.trainer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Everything that defines a training run; defaults are the shipped model's recipe. */
record TrainOptions(
    String architecture,
    int depth,
    int baseWidth,
    Loss loss,
    int steps,
    double maxMinutes,
    int batch,
    int crop,
    double learningRate,
    SeedRange trainingSeeds,
    SeedRange validationSeeds,
    SeedRange testSeeds,
    int validateEvery,
    int slicesPerStudy,
    double tumourSliceShare,
    double tumourCropShare,
    int poolCapacity,
    int threads,
    long seed,
    Path out,
    Path work,
    Path initFrom,
    int outputStride,
    int blocksPerStage,
    int lowLevelStride,
    String data,
    boolean augment,
    String modelVersion) {

  static final Set<String> NAMES = Set.of("architecture", "depth", "base-width", "loss", "steps",
      "max-minutes", "batch", "crop", "learning-rate", "training-seeds", "validation-seeds",
      "test-seeds", "validate-every", "slices-per-study", "tumour-slice-share",
      "tumour-crop-share", "pool", "threads", "seed", "out",
      "work", "init-from", "output-stride", "blocks-per-stage", "low-level-stride", "data",
      "augment", "model-version");

  /** Options that shape only one of the two networks. */
  private static final Map<String, Set<String>> ARCHITECTURE_ONLY = Map.of(
      "unet", Set.of("depth"),
      "deeplabv3plus", Set.of("output-stride", "blocks-per-stage", "low-level-stride"));

  static TrainOptions parse(Options options) {
    rejectOptionsOfTheOtherArchitecture(options);
    TrainOptions parsed = new TrainOptions(
        options.text("architecture", "unet"),
        options.integer("depth", 4),
        options.integer("base-width", 16),
        Loss.fromOption(options.text("loss", "ce+dice")),
        options.integer("steps", 3000),
        options.decimal("max-minutes", 0),
        options.integer("batch", 8),
        options.integer("crop", 128),
        options.decimal("learning-rate", 1e-3),
        options.seeds("training-seeds", "1000..1999"),
        options.seeds("validation-seeds", "5000..5009"),
        options.seeds("test-seeds", "9000..9019"),
        options.integer("validate-every", 1000),
        options.integer("slices-per-study", 16),
        options.decimal("tumour-slice-share", 2.0 / 3.0),
        options.decimal("tumour-crop-share", 0.8),
        options.integer("pool", 1200),
        options.integer("threads", 2),
        options.integer("seed", 1),
        Path.of(options.text("out", "target/model")),
        Path.of(options.text("work", "target/training")),
        options.text("init-from", "").isEmpty() ? null : Path.of(options.text("init-from", "")),
        options.integer("output-stride", 16),
        options.integer("blocks-per-stage", 2),
        options.integer("low-level-stride", DeepLabV3Plus.PAPER_LOW_LEVEL_STRIDE),
        options.text("data", "phantom"),
        augmentOption(options.text("augment", "flip")),
        options.text("model-version", Main.MODEL_VERSION));
    parsed.validate();
    return parsed;
  }

  private static void rejectOptionsOfTheOtherArchitecture(Options options) {
    String architecture = options.text("architecture", "unet");
    for (Map.Entry<String, Set<String>> entry : ARCHITECTURE_ONLY.entrySet()) {
      if (entry.getKey().equals(architecture)) {
        continue;
      }
      for (String name : new java.util.TreeSet<>(entry.getValue())) {
        if (options.has(name)) {
          throw new IllegalArgumentException("--" + name + " applies to --architecture "
              + entry.getKey() + " only, but this run trains " + architecture
              + "; drop the option or change --architecture");
        }
      }
    }
  }

  private void validate() {
    if (trainingSeeds.overlaps(testSeeds) || validationSeeds.overlaps(testSeeds)) {
      throw new IllegalArgumentException("Held-out test seeds " + testSeeds
          + " must not overlap training " + trainingSeeds + " or validation " + validationSeeds);
    }
    if (trainingSeeds.overlaps(validationSeeds)) {
      throw new IllegalArgumentException("Validation seeds " + validationSeeds
          + " must not overlap training seeds " + trainingSeeds);
    }
    boolean phantom = data.equals("phantom");
    if (phantom && trainingSeeds.first() <= Main.SAMPLE_SEED
        && Main.SAMPLE_SEED <= trainingSeeds.last()) {
      throw new IllegalArgumentException("Training seeds " + trainingSeeds
          + " must not include the sample study's seed " + Main.SAMPLE_SEED);
    }
    if (!modelVersion.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
      throw new IllegalArgumentException(
          "--model-version must be MAJOR.MINOR.PATCH, got " + modelVersion);
    }
    if (steps < 1 || batch < 1 || crop < 16 || crop % 16 != 0) {
      throw new IllegalArgumentException("--steps and --batch must be positive and --crop a"
          + " positive multiple of 16; got " + steps + ", " + batch + ", " + crop);
    }
    requirePositive("validate-every", validateEvery);
    requirePositive("slices-per-study", slicesPerStudy);
    requirePositive("pool", poolCapacity);
    requirePositive("threads", threads);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "--learning-rate must be a positive number, got " + learningRate);
    }
    if (!(maxMinutes >= 0) || Double.isInfinite(maxMinutes)) {
      throw new IllegalArgumentException(
          "--max-minutes must be 0 (no limit) or a positive number, got " + maxMinutes);
    }
    requireShare("tumour-slice-share", tumourSliceShare);
    requireShare("tumour-crop-share", tumourCropShare);
  }

  static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
    }
  }

  private static void requireShare(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "--" + name + " is a share between 0 and 1 (0.8 = 80%), got " + share);
    }
  }

  /** --augment flip (random left-right flips only) or full (all of {@link Augmentation}). */
  private static boolean augmentOption(String value) {
    switch (value) {
      case "flip":
        return false;
      case "full":
        return true;
      default:
        throw new IllegalArgumentException("--augment must be flip or full, got " + value);
    }
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** One line for the training history of a model that was trained in several runs. */
  String describeRun(long stepsDone, double seconds) {
    return String.format(java.util.Locale.ROOT, "%d steps in %.1f min (peak learning rate %s,"
        + " %s tumour slices, %s tumour crops, %s, %sseed %d%s)", stepsDone, seconds / 60,
        learningRate, percent(tumourSliceShare), percent(tumourCropShare),
        augment ? "full augmentation" : "flips only",
        architecture.equals("deeplabv3plus")
            ? "decoder low-level stride " + lowLevelStride + ", " : "", seed,
        initFrom == null ? ", from random weights" : ", continued from the previous run");
  }

  /** What the sampler does to each crop, for model.json and the model card. */
  String augmentation() {
    return augment ? "random left-right flips, rotations up to "
        + Math.round(Augmentation.MAX_ROTATION_DEGREES) + " degrees, elastic deformation,"
        + " per-sequence intensity scale and shift, smooth bias field, Gaussian noise"
        : "random left-right flips";
  }

  /** The recipe as written into model.json. */
  Map<String, Object> recipe() {
    Map<String, Object> recipe = new LinkedHashMap<>();
    recipe.put("loss", loss.option());
    recipe.put("optimizer", "Adam (beta1 0.9, beta2 0.999, epsilon 1e-7)");
    recipe.put("learningRate", learningRate);
    recipe.put("learningRateSchedule", LearningRate.DESCRIPTION);
    recipe.put("batch", batch);
    recipe.put("crop", crop + "x" + crop);
    recipe.put("augmentation", augmentation() + "; " + percent(tumourCropShare)
        + " of crops of tumour slices contain tumour");
    recipe.put("sliceSampling", "per generated study " + slicesPerStudy + " axial slices, "
        + percent(tumourSliceShare) + " with tumour (if it has that many), rest from slices"
        + " showing the head; pool of " + poolCapacity + " slices refilled by a background"
        + " generator");
    recipe.put("trainingSeeds", trainingSeeds.toString());
    recipe.put("validationSeeds", validationSeeds.toString());
    recipe.put("heldOutTestSeeds", testSeeds.toString());
    recipe.put("initialisationSeed", seed);
    return recipe;
  }
}
