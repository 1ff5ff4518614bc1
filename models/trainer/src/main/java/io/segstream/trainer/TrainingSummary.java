package io.segstream.trainer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a finished training run reports, kept next to its checkpoint so that a model can be
 * packaged again later without retraining.
 */
record TrainingSummary(
    long steps,
    double seconds,
    double finalLoss,
    long studiesGenerated,
    String validation,
    String machine,
    String history) {

  /** The summary of no training at all. */
  static final TrainingSummary NONE = new TrainingSummary(0, 0, Double.NaN, 0, "", "", "");

  /** This run continued from an earlier one: steps, time and studies add up. */
  TrainingSummary after(TrainingSummary earlier) {
    return new TrainingSummary(earlier.steps + steps, earlier.seconds + seconds, finalLoss,
        earlier.studiesGenerated + studiesGenerated, validation, machine,
        earlier.history.isEmpty() ? history : earlier.history + "; then " + history);
  }

  void write(Path file) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("steps", Long.toString(steps));
    properties.setProperty("seconds", Double.toString(seconds));
    properties.setProperty("finalLoss", Double.toString(finalLoss));
    properties.setProperty("studiesGenerated", Long.toString(studiesGenerated));
    properties.setProperty("validation", validation);
    properties.setProperty("machine", machine);
    properties.setProperty("history", history);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(writer, "segstream trainer: summary of the run that wrote the checkpoint");
    }
  }

  static TrainingSummary read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return new TrainingSummary(
        Long.parseLong(properties.getProperty("steps")),
        Double.parseDouble(properties.getProperty("seconds")),
        Double.parseDouble(properties.getProperty("finalLoss")),
        Long.parseLong(properties.getProperty("studiesGenerated")),
        properties.getProperty("validation"),
        properties.getProperty("machine"),
        properties.getProperty("history", ""));
  }

  static String thisMachine() {
    return Runtime.getRuntime().availableProcessors() + " CPU cores ("
        + System.getProperty("os.arch") + ", no GPU)";
  }
}
