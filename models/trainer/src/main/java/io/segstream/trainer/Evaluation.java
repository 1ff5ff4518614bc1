package io.segstream.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Whole-volume Dice of a model on a set of studies: per study and region, then the mean over
 * studies (studies without tumour count, with Dice 1 for an empty prediction).
 */
final class Evaluation {

  private final List<StudyDice> studies;

  private Evaluation(List<StudyDice> studies) {
    this.studies = List.copyOf(studies);
  }

  static Evaluation run(StudySource source, Predictor predictor, SeedRange seeds,
      StudySource.Kind kind, Consumer<StudyDice> progress) {
    VolumeSegmenter segmenter = new VolumeSegmenter(predictor, 4);
    List<StudyDice> results = new ArrayList<>();
    for (long i = 0; i < seeds.size(); i++) {
      LabelledStudy study = source.study(seeds.get(i), kind);
      StudyDice dice = StudyDice.of(study, segmenter.segment(study));
      results.add(dice);
      progress.accept(dice);
    }
    return new Evaluation(results);
  }

  /** Evaluation of studies already prepared (e.g. the reduced validation set). */
  static Evaluation of(List<LabelledStudy> studies, Predictor predictor) {
    VolumeSegmenter segmenter = new VolumeSegmenter(predictor, 4);
    List<StudyDice> results = new ArrayList<>();
    for (LabelledStudy study : studies) {
      results.add(StudyDice.of(study, segmenter.segment(study)));
    }
    return new Evaluation(results);
  }

  List<StudyDice> studies() {
    return studies;
  }

  double mean(Region region) {
    return studies.stream().mapToDouble(s -> s.dice(region)).average().orElse(Double.NaN);
  }

  /** Mean over the studies that have tumour, where Dice is not all-or-nothing. */
  double meanWithTumour(Region region) {
    return studies.stream().filter(StudyDice::tumourPresent).mapToDouble(s -> s.dice(region))
        .average().orElse(Double.NaN);
  }

  int tumourFreeStudies() {
    return (int) studies.stream().filter(s -> !s.tumourPresent()).count();
  }

  /** "WT 0.912  TC 0.871  ET 0.833" */
  String summary() {
    StringBuilder line = new StringBuilder();
    for (Region region : Region.values()) {
      line.append(String.format(Locale.ROOT, "%s %.3f  ", region.abbreviation(), mean(region)));
    }
    return line.toString().trim();
  }

  /** A per-study table with the mean at the bottom, in Markdown. */
  String table() {
    StringBuilder table = new StringBuilder("| study seed | tumour |");
    for (Region region : Region.values()) {
      table.append(' ').append(region.abbreviation()).append(" Dice |");
    }
    table.append("\n|---|---|").append("---|".repeat(Region.values().length)).append('\n');
    for (StudyDice study : studies) {
      table.append("| ").append(study.seed()).append(" | ")
          .append(study.tumourPresent() ? "yes" : "no").append(" |");
      appendDice(table, study::dice);
    }
    table.append("| **mean of ").append(studies.size()).append("** | |");
    appendDice(table, this::mean);
    if (tumourFreeStudies() > 0 && tumourFreeStudies() < studies.size()) {
      table.append("| mean of the ").append(studies.size() - tumourFreeStudies())
          .append(" with tumour | |");
      appendDice(table, this::meanWithTumour);
    }
    return table.toString();
  }

  private static void appendDice(
      StringBuilder table, java.util.function.ToDoubleFunction<Region> dice) {
    for (Region region : Region.values()) {
      table.append(String.format(Locale.ROOT, " %.3f |", dice.applyAsDouble(region)));
    }
    table.append('\n');
  }
}
