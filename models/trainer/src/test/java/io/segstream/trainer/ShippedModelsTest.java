package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped SavedModels against their own model cards: the checksum in model.json, and the
 * per-study held-out Dice of the card's table, recomputed here on the first held-out studies
 * (one of them tumour-free), so a card cannot claim what its model does not do.
 */
class ShippedModelsTest {

  private static final List<Path> MODELS =
      List.of(Path.of("../unet"), Path.of("../deeplabv3plus"));
  private static final SeedRange RECHECKED = new SeedRange(9000, 9002);
  private static final Pattern CARD_ROW = Pattern.compile(
      "^\\| (\\d+) \\| (yes|no) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\|$",
      Pattern.MULTILINE);

  private static PhantomStudies phantom;

  @BeforeAll
  static void loadAnatomy() {
    phantom = new PhantomStudies();
  }

  @Test
  void everyShippedModelHasTheChecksumItsModelJsonRecords() throws IOException {
    for (Path model : MODELS) {
      String json = Files.readString(model.resolve("model.json"), StandardCharsets.UTF_8);

      String checksum = SavedModelChecksum.of(model.resolve(ModelPackage.SAVED_MODEL));

      assertTrue(json.contains("\"sha256\": \"" + checksum + "\""), model + ": " + checksum);
    }
  }

  @Test
  void everyShippedModelScoresTheHeldOutStudiesItsCardReports() throws IOException {
    for (Path model : MODELS) {
      Map<Long, double[]> card = cardRows(model.resolve("MODEL_CARD.md"));

      Evaluation evaluation;
      try (EnsemblePredictor predictor = EnsemblePredictor.open(List.of(model), 2)) {
        evaluation = Evaluation.run(phantom, predictor, RECHECKED, StudySource.Kind.TRAINING,
            study -> { });
      }

      assertEquals(RECHECKED.size(), evaluation.studies().size());
      for (StudyDice study : evaluation.studies()) {
        double[] reported = card.get(study.seed());
        for (Region region : Region.values()) {
          assertEquals(reported[region.ordinal()], study.dice(region), 0.0015,
              model + " seed " + study.seed() + " " + region);
        }
      }
    }
  }

  /** Seed -> {WT, TC, ET} Dice from the card's per-study table. */
  private static Map<Long, double[]> cardRows(Path card) throws IOException {
    Map<Long, double[]> rows = new HashMap<>();
    Matcher row = CARD_ROW.matcher(Files.readString(card, StandardCharsets.UTF_8));
    while (row.find()) {
      rows.put(Long.parseLong(row.group(1)), new double[] {Double.parseDouble(row.group(3)),
          Double.parseDouble(row.group(4)), Double.parseDouble(row.group(5))});
    }
    assertTrue(rows.keySet().containsAll(List.of(9000L, 9001L, 9002L)), card + ": " + rows);
    return rows;
  }
}
