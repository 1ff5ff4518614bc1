package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Trains a tiny DeepLabv3+ (space-to-batch atrous convolutions) for a few steps, exports it
 * (dilated convolutions) and checks that the SavedModel predicts what the training graph did.
 */
class ExportedDeepLabTest {

  /** The shipped model's layout in miniature: output stride 16, stem features in the decoder. */
  private static final DeepLabV3Plus TINY =
      new DeepLabV3Plus(1, 4, 16, 2, AtrousForm.SPACE_TO_BATCH);
  /** Not a multiple of the ASPP rates, so the space-to-batch padding is exercised. */
  private static final Batch PROBE = ExportedModelTest.randomBatch(2, 48, 80);

  @TempDir static Path folder;
  private static Path savedModel;
  private static float[] trainedProbabilities;
  private static long trainedParameters;
  private static long exportedParameters;
  private static float firstLoss;
  private static float lastLoss;

  @BeforeAll
  static void trainAndExport() throws Exception {
    Path checkpoint = folder.resolve("checkpoint").resolve("weights");
    Files.createDirectories(checkpoint.getParent());
    Batch batch = ExportedModelTest.randomBatch(2, 32, 32);
    try (TrainingGraph graph = new TrainingGraph(TINY, Loss.CROSS_ENTROPY, 1, 1)) {
      firstLoss = graph.step(batch, 1e-2f, 1);
      for (int step = 2; step <= 20; step++) {
        lastLoss = graph.step(batch, 1e-2f, step);
      }
      graph.save(checkpoint);
      trainedParameters = graph.parameterCount();
      trainedProbabilities = graph.probabilities(PROBE);
    }
    savedModel = folder.resolve("saved_model");
    exportedParameters = SavedModelExport.export(TINY, checkpoint, savedModel);
  }

  @Test
  void trainingLowersTheLossOfARepeatedBatch() {
    assertTrue(lastLoss < firstLoss, "loss went from " + firstLoss + " to " + lastLoss);
  }

  @Test
  void exportedGraphPredictsWhatTheTrainingGraphPredicts() {
    float[] exported = predict(PROBE);

    assertEquals(trainedParameters, exportedParameters);
    assertArrayEquals(trainedProbabilities, exported, 1e-5f);
  }

  @Test
  void aSliceGetsTheSameProbabilitiesAloneAsInABatch() {
    float[] together = predict(PROBE);
    int perSlice = together.length / PROBE.size();
    int pixels = PROBE.height() * PROBE.width() * Classes.CHANNELS;

    for (int item = 0; item < PROBE.size(); item++) {
      float[] image = java.util.Arrays.copyOfRange(
          PROBE.image(), item * pixels, (item + 1) * pixels);
      Batch alone = new Batch(1, PROBE.height(), PROBE.width(), image,
          new int[PROBE.height() * PROBE.width()]);

      assertArrayEquals(java.util.Arrays.copyOfRange(together, item * perSlice,
          (item + 1) * perSlice), predict(alone), 1e-5f, "slice " + item);
    }
  }

  @Test
  void exportedGraphNormalisesImagePoolingWithRunningStatistics() throws Exception {
    String graph = Files.readString(savedModel.resolve("saved_model.pb"),
        StandardCharsets.ISO_8859_1);

    assertTrue(graph.contains("aspp_pooling_bn_moving_mean"));
    assertTrue(graph.contains("aspp_pooling_bn_moving_variance"));
    assertFalse(graph.contains("training"), "exported graph has a training flag");
  }

  @Test
  void exportedGraphUsesDilatedConvolutionsNotSpaceToBatch() throws Exception {
    String graph = Files.readString(savedModel.resolve("saved_model.pb"),
        StandardCharsets.ISO_8859_1);

    assertFalse(graph.contains("SpaceToBatchND"), "exported graph contains SpaceToBatchND");
    assertTrue(graph.contains("dilations"));
  }

  private static float[] predict(Batch batch) {
    try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve");
        TFloat32 image = TrainingGraph.imageTensor(batch);
        Result result = bundle.function("serving_default").call(Map.of("image", image))) {
      TFloat32 output = (TFloat32) result.get("probabilities").orElseThrow();
      assertArrayEquals(new long[] {batch.size(), batch.height(), batch.width(), 4},
          output.shape().asArray());
      float[] values = new float[Math.toIntExact(output.size())];
      output.copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }
}
