package io.segstream.trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/** Runs the optimisation loop and leaves a checkpoint plus a {@link TrainingSummary}. */
final class Trainer {

  private static final Logger LOG = Logger.getLogger(Trainer.class.getName());
  static final int LOG_EVERY = 50;
  static final int VALIDATION_SLICE_STRIDE = 6;
  /** Slices pooled before the first step, so early batches are not all from one study. */
  static final int MINIMUM_POOL = 64;

  private final TrainOptions options;
  private final Architecture architecture;
  private final StudySource source;

  Trainer(TrainOptions options, Architecture architecture, StudySource source) {
    this.options = options;
    this.architecture = architecture;
    this.source = source;
  }

  static Path checkpointPrefix(Path work) {
    return work.resolve("checkpoint").resolve("weights");
  }

  static Path summaryFile(Path work) {
    return work.resolve("training.properties");
  }

  /**
   * Checks that a checkpoint prefix (as written under --work, e.g. target/run1/checkpoint/weights)
   * and the training summary two folders up exist, before any data is built.
   */
  static void requireCheckpoint(Path prefix, String option) throws IOException {
    Path index = prefix.resolveSibling(prefix.getFileName() + ".index");
    Path work = prefix.toAbsolutePath().getParent().getParent();
    Path summary = summaryFile(work);
    if (!Files.isRegularFile(index) || !Files.isRegularFile(summary)) {
      throw new IOException(option + ": no checkpoint at " + prefix
          + " (needs " + index + " and " + summary + "); give the checkpoint/weights prefix"
          + " inside the --work folder of a finished train run, e.g."
          + " target/run1/checkpoint/weights");
    }
  }

  TrainingSummary train() throws IOException, InterruptedException {
    Files.createDirectories(checkpointPrefix(options.work()).getParent());
    SlicePool pool = new SlicePool(options.poolCapacity());
    try (SliceProducer producer = new SliceProducer(source, pool, options.trainingSeeds(),
            options.slicesPerStudy(), options.tumourSliceShare(), options.seed());
        TrainingGraph graph =
            new TrainingGraph(architecture, options.loss(), options.seed(), options.threads())) {
      TrainingSummary earlier = TrainingSummary.NONE;
      if (options.initFrom() != null) {
        List<String> fresh = graph.restore(options.initFrom());
        earlier = TrainingSummary.read(summaryFile(options.initFrom().getParent().getParent()));
        LOG.info("continuing from checkpoint " + options.initFrom() + " after " + earlier
            + (fresh.isEmpty() ? "" : "; not in it, so starting from initial values: " + fresh));
      }
      producer.start();
      List<LabelledStudy> validation = ValidationSet.load(
          source, options.validationSeeds(), VALIDATION_SLICE_STRIDE);
      LOG.info("validation set: " + ValidationSet.describe(validation)
          + "; parameters: " + graph.parameterCount());
      pool.awaitSize(MINIMUM_POOL);
      return loop(graph, pool, producer, validation, earlier);
    }
  }

  private TrainingSummary loop(TrainingGraph graph, SlicePool pool, SliceProducer producer,
      List<LabelledStudy> validation, TrainingSummary earlier) throws IOException {
    BatchSampler sampler = new BatchSampler(pool, options.batch(), options.crop(),
        options.tumourCropShare(), options.seed() + 1, options.augment());
    long start = System.nanoTime();
    double averageLoss = Double.NaN;
    String validationSummary = "not run";
    long step = 0;

    while (progress(step, start) < 1) {
      step++;
      float rate = LearningRate.at(options.learningRate(), step, progress(step, start));
      float loss = graph.step(sampler.next(), rate, step);
      // A moving average, so that the log shows the trend rather than one batch's luck.
      averageLoss = Double.isNaN(averageLoss) ? loss : 0.98 * averageLoss + 0.02 * loss;
      if (!Float.isFinite(loss)) {
        throw new IllegalStateException("Loss became " + loss + " at step " + step
            + "; lower --learning-rate");
      }
      if (step % LOG_EVERY == 0) {
        logProgress(step, start, averageLoss, rate, pool, producer);
      }
      if (step % options.validateEvery() == 0) {
        validationSummary = validate(graph, validation, step);
        checkpoint(graph, summary(step, start, averageLoss, producer, validationSummary)
            .after(earlier));
      }
    }
    if (step % options.validateEvery() != 0) {
      validationSummary = validate(graph, validation, step);
    }
    TrainingSummary summary =
        summary(step, start, averageLoss, producer, validationSummary).after(earlier);
    checkpoint(graph, summary);
    return summary;
  }

  private TrainingSummary summary(long step, long start, double loss, SliceProducer producer,
      String validation) {
    return new TrainingSummary(step, seconds(start), loss, producer.studiesGenerated(),
        validation, TrainingSummary.thisMachine(), options.describeRun(step, seconds(start)));
  }

  /** Saves weights and summary together, so an interrupted run can still be packaged. */
  private void checkpoint(TrainingGraph graph, TrainingSummary summary) throws IOException {
    graph.save(checkpointPrefix(options.work()));
    summary.write(summaryFile(options.work()));
  }

  /** Fraction of the run done: by steps, or by wall time if --max-minutes is set. */
  private double progress(long step, long start) {
    double byStep = (double) step / options.steps();
    if (options.maxMinutes() <= 0) {
      return byStep;
    }
    return Math.max(byStep, seconds(start) / (options.maxMinutes() * 60));
  }

  private String validate(TrainingGraph graph, List<LabelledStudy> validation, long step) {
    long start = System.nanoTime();
    String summary = Evaluation.of(validation, graph).summary();
    LOG.info(String.format(Locale.ROOT, "step %d validation Dice (every %dth slice of %s): %s"
        + " [%.0f s]", step, VALIDATION_SLICE_STRIDE, options.validationSeeds(), summary,
        seconds(start)));
    return summary;
  }

  private void logProgress(long step, long start, double loss, float rate, SlicePool pool,
      SliceProducer producer) {
    double elapsed = seconds(start);
    LOG.info(String.format(Locale.ROOT,
        "step %d loss %.4f lr %.2e | %.3f s/step, %.0f s | pool %d slices from %d studies",
        step, loss, rate, elapsed / step, elapsed, pool.size(), producer.studiesGenerated()));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
