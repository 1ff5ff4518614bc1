package io.segstream.trainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** model.json and MODEL_CARD.md of a packaged model. */
final class ModelDocuments {

  static final String CLASS_NAMES = "background, necrotic core, oedema, enhancing tumour";
  static final String NORMALISATION = "per sequence volume, before slicing: mask = voxels with"
      + " value > 0; value = mask ? (v - mean over mask) / (population standard deviation over"
      + " mask) : 0";
  static final String CHECKSUM_RULE = "sha256 over a manifest of saved_model/: one line per"
      + " regular file, '<lowercase hex sha256 of the file>  <path relative to saved_model/,"
      + " '/' separators>\\n', lines sorted by the paths' UTF-8 bytes; the checksum is the"
      + " lowercase hex sha256 of the manifest's UTF-8 bytes. Shell: cd saved_model && find ."
      + " -type f | sed 's|^\\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum";

  private final ModelPackage.ModelFacts facts;
  private final long parameters;
  private final String checksum;
  private final long savedModelBytes;
  private final Evaluation heldOut;
  private final Evaluation sample;
  private final StudySource.SampleStudy sampleStudy;

  ModelDocuments(ModelPackage.ModelFacts facts, long parameters, String checksum,
      long savedModelBytes, ModelPackage.Evaluations evaluations) {
    this.facts = facts;
    this.parameters = parameters;
    this.checksum = checksum;
    this.savedModelBytes = savedModelBytes;
    this.heldOut = evaluations.heldOut();
    this.sample = evaluations.sample();
    this.sampleStudy = evaluations.sampleStudy();
  }

  /** segstream-unet, segstream-deeplabv3plus: the name the worker reports. */
  static String modelName(Architecture architecture) {
    return "segstream-" + architecture.name();
  }

  private String name() {
    return modelName(facts.architecture());
  }

  Map<String, Object> modelJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name());
    json.put("version", facts.version());
    json.put("architecture", facts.architecture().name());
    json.putAll(facts.architecture().hyperparameters());
    json.put("parameters", parameters);
    json.put("savedModel", savedModelJson());
    json.put("input", inputJson());
    json.put("output", outputJson());
    json.put("training", trainingJson());
    json.put("evaluation", evaluationJson());
    json.put("intendedUse", "research and integration testing only; not for clinical use");
    return json;
  }

  private Map<String, Object> savedModelJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("path", ModelPackage.SAVED_MODEL);
    json.put("tag", SavedModelExport.TAG);
    json.put("signature", SavedModelExport.SIGNATURE_KEY);
    json.put("methodName", SavedModelExport.METHOD_NAME);
    json.put("bytes", savedModelBytes);
    json.put("sha256", checksum);
    json.put("sha256Rule", CHECKSUM_RULE);
    json.put("exportedBy", "TensorFlow Java 1.1.0, inference-only graph (no optimiser)");
    return json;
  }

  private Map<String, Object> inputJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", SavedModelExport.INPUT_KEY);
    json.put("dtype", "float32");
    json.put("shape", List.of("N", "H", "W", Classes.CHANNELS));
    json.put("channels", facts.channelNames());
    json.put("heightWidthMultipleOf", VolumeSegmenter.PAD_MULTIPLE);
    json.put("slices", "one axial slice per batch item; H = rows, W = columns of the flat layout"
        + " index = (slice * rows + row) * columns + column");
    json.put("padding", "zero-pad each slice (after normalisation) at the end of its rows and"
        + " columns up to a multiple of 16; crop the output back");
    json.put("normalisation", NORMALISATION);
    return json;
  }

  private Map<String, Object> outputJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", SavedModelExport.OUTPUT_KEY);
    json.put("dtype", "float32");
    json.put("shape", List.of("N", "H", "W", Classes.COUNT));
    json.put("activation", "softmax over the last axis");
    List<Object> classes = new ArrayList<>();
    String[] names = CLASS_NAMES.split(", ");
    for (int i = 0; i < Classes.COUNT; i++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("index", i);
      entry.put("name", names[i]);
      entry.put("bratsLabel", (int) Classes.bratsLabel(i));
      classes.add(entry);
    }
    json.put("classes", classes);
    json.put("labelRule", "argmax over the last axis, then class index -> bratsLabel");
    return json;
  }

  private Map<String, Object> trainingJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data", facts.dataDescription());
    json.putAll(facts.options().recipe());
    json.put("steps", facts.training().steps());
    json.put("runs", facts.training().history());
    json.put("wallSeconds", Math.round(facts.training().seconds()));
    json.put("studiesGenerated", facts.training().studiesGenerated());
    json.put("finalLoss", round(facts.training().finalLoss()));
    json.put("machine", facts.training().machine());
    return json;
  }

  private Map<String, Object> evaluationJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("method", "whole volumes, every axial slice zero-padded to a multiple of 16,"
        + " argmax, tumour components < 0.1 mL (100 voxels) removed as the worker does, Dice"
        + " per study (1 when region empty in both), mean over studies");
    json.put("heldOut", evaluationJson(heldOut, facts.options().testSeeds().toString(),
        facts.options().data().equals("phantom") ? "TumourOptions.training()"
            : facts.dataDescription()));
    json.put("sampleStudy", evaluationJson(sample, Long.toString(sampleStudy.seed()),
        sampleStudy.description()));
    json.put("validationDuringTraining", facts.training().validation());
    return json;
  }

  private static Map<String, Object> evaluationJson(
      Evaluation evaluation, String seeds, String studies) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seeds", seeds);
    json.put("drawnFrom", studies);
    json.put("studies", evaluation.studies().size());
    json.put("tumourFreeStudies", evaluation.tumourFreeStudies());
    Map<String, Object> dice = new LinkedHashMap<>();
    for (Region region : Region.values()) {
      dice.put(region.abbreviation(), round(evaluation.mean(region)));
    }
    json.put("dice", dice);
    Map<String, Object> withTumour = new LinkedHashMap<>();
    for (Region region : Region.values()) {
      withTumour.put(region.abbreviation(), round(evaluation.meanWithTumour(region)));
    }
    json.put("diceOfStudiesWithTumour", withTumour);
    return json;
  }

  String modelCard() {
    TrainingSummary training = facts.training();
    return String.join("\n",
        "# Model card: " + name() + " " + facts.version(),
        "",
        "**Not for clinical use.** Trained and tested only on synthetic studies built on one"
            + " real anatomy.",
        "",
        "## Model",
        "",
        "- Architecture: " + facts.architecture().description() + ".",
        "- Parameters: " + parameters + " (" + megabytes(savedModelBytes)
            + " MB SavedModel, float32).",
        "- SavedModel: `" + ModelPackage.SAVED_MODEL + "/`, tag `" + SavedModelExport.TAG
            + "`, signature `" + SavedModelExport.SIGNATURE_KEY + "`; inference-only graph"
            + " exported by TensorFlow Java 1.1.0.",
        "- SavedModel sha256: `" + checksum + "` (rule below).",
        "",
        "## Input and output",
        "",
        "- Input `" + SavedModelExport.INPUT_KEY + "`: float32 [N, H, W, 4], channels "
            + String.join(", ", facts.channelNames()) + "; one axial slice per batch item"
            + " (H = rows, W = columns); H and W any multiple of 16 (zero-pad at the end of"
            + " rows and columns). Fully convolutional.",
        "- Normalisation (by the caller): " + NORMALISATION + ".",
        "- Output `" + SavedModelExport.OUTPUT_KEY + "`: float32 [N, H, W, 4], softmax over "
            + CLASS_NAMES + ". Class index -> BraTS label: 0 -> 0, 1 -> 1, 2 -> 2, 3 -> 4.",
        "",
        "## Training",
        "",
        "- Data: " + facts.dataDescription() + ". Training seeds "
            + facts.options().trainingSeeds() + " (" + training.studiesGenerated()
            + " studies generated), validation seeds " + facts.options().validationSeeds()
            + ".",
        "- Recipe: loss " + facts.options().loss().option() + " (soft Dice = mean over the"
            + " three tumour classes), Adam, peak learning rate " + facts.options().learningRate()
            + ", " + LearningRate.DESCRIPTION + "; batch " + facts.options().batch() + " of "
            + facts.options().crop() + "x" + facts.options().crop() + " crops of axial slices;"
            + " last run's augmentation: " + facts.options().augmentation() + "; shares of"
            + " tumour slices and crops, and augmentation, per run below.",
        "- Steps: " + training.steps() + "; wall time " + minutes(training.seconds())
            + " on " + training.machine() + " shared with other work; final loss "
            + round(training.finalLoss()) + ". Runs: " + training.history() + ".",
        "",
        "## Evaluation",
        "",
        "Whole volumes, every axial slice zero-padded to a multiple of 16, argmax, Dice per"
            + " study for whole tumour (labels 1+2+4), tumour core (1+4) and enhancing tumour"
            + " (4); Dice is 1 when a region is empty in both truth and prediction, so in a"
            + " study without tumour a single false-positive voxel makes it 0. As in the worker"
            + " (`segstream.postprocess.min-component-ml`, 0.1 mL), tumour components"
            + " (6-connected) smaller than 0.1 mL (100 voxels at 1 mm) are removed before"
            + " scoring.",
        "",
        "Held-out test studies (seeds " + facts.options().testSeeds() + ", never trained on; "
            + heldOut.tumourFreeStudies() + " of " + heldOut.studies().size()
            + " without tumour): **" + heldOut.summary() + "**",
        "",
        heldOut.table(),
        "Sample study (" + sampleStudy.description() + "): **" + sample.summary() + "**",
        "",
        "Validation during training: " + training.validation(),
        "",
        architectureNotes() + "## Known limits",
        "",
        "- One anatomy (Colin27): every training and test study has the same brain, so"
            + " these Dice scores say nothing about other heads, scanners or field strengths.",
        "- Synthetic contrast: T1c, T2 and FLAIR are remapped from a T1, and tumours are"
            + " synthetic shapes; real tumours and real sequences look different.",
        "- 2D: axial slices are segmented independently, with no context across slices.",
        falsePositiveLimit(),
        "- Expects the four sequences co-registered on one grid and normalised as above.",
        "- Not for clinical use.",
        "",
        "## Checksum rule",
        "",
        CHECKSUM_RULE + ".",
        "");
  }

  /** The architecture's own section, ending in a blank line; empty when it has none. */
  private String architectureNotes() {
    List<String> notes = facts.architecture().cardNotes();
    if (notes.isEmpty()) {
      return "";
    }
    return "## Architecture notes\n\n" + String.join("\n", notes) + "\n\n";
  }

  /** A known-limit line about tumour-free studies, from the held-out results. */
  private String falsePositiveLimit() {
    long tumourFree = heldOut.tumourFreeStudies();
    long withFalsePositives = heldOut.studies().stream()
        .filter(s -> !s.tumourPresent() && s.dice(Region.WHOLE_TUMOUR) < 1).count();
    if (withFalsePositives == 0) {
      return "- No false positives in the " + tumourFree + " tumour-free held-out studies.";
    }
    return "- False positives: " + withFalsePositives + " of " + tumourFree + " tumour-free"
        + " held-out studies keep predicted tumour of 0.1 mL or more after small-component"
        + " removal, which scores their whole-tumour Dice 0 and pulls the mean down.";
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f", bytes / 1e6);
  }

  private static String minutes(double seconds) {
    return String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }
}
