package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Exports a small untrained U-Net once and checks the contract the worker relies on. */
class ExportedModelTest {

  private static final UNet SMALL_UNET = new UNet(3, 4);

  @TempDir static Path folder;
  private static Path savedModel;
  private static final Batch PROBE = randomBatch(1, 32, 32);
  private static long exportedParameters;
  private static long trainedParameters;
  private static float[] trainedProbabilities;

  @BeforeAll
  static void exportAfterOneStep() throws Exception {
    Path checkpoint = folder.resolve("checkpoint").resolve("weights");
    Files.createDirectories(checkpoint.getParent());
    try (TrainingGraph graph =
        new TrainingGraph(SMALL_UNET, Loss.CROSS_ENTROPY_PLUS_DICE, 1, 1)) {
      graph.step(randomBatch(2, 32, 32), 1e-3f, 1);
      graph.save(checkpoint);
      trainedParameters = graph.parameterCount();
      trainedProbabilities = graph.probabilities(PROBE);
    }
    savedModel = folder.resolve("saved_model");
    exportedParameters = SavedModelExport.export(SMALL_UNET, checkpoint, savedModel);
  }

  @Test
  void exportsServingSignatureWithImageInputAndProbabilitiesOutput() {
    try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve")) {
      Signature signature = bundle.function("serving_default").signature();

      assertEquals(java.util.Set.of("image"), signature.inputNames());
      assertEquals(java.util.Set.of("probabilities"), signature.outputNames());
      // Shape.equals treats unknown sizes as unequal, so compare the sizes themselves.
      assertArrayEquals(new long[] {-1, -1, -1, 4},
          signature.getInputs().get("image").shape.asArray());
      assertArrayEquals(new long[] {-1, -1, -1, 4},
          signature.getOutputs().get("probabilities").shape.asArray());
    }
  }

  @Test
  void predictsFourClassesPerPixelFor32By48Slices() {
    float[] probabilities = predict(randomBatch(2, 32, 48), new long[] {2, 32, 48, 4});

    assertEquals(2 * 32 * 48 * 4, probabilities.length);
  }

  @Test
  void probabilitiesOfEveryPixelSumToOne() {
    float[] probabilities = predict(randomBatch(2, 32, 48), new long[] {2, 32, 48, 4});

    for (int pixel = 0; pixel < probabilities.length / 4; pixel++) {
      float sum = 0;
      for (int c = 0; c < 4; c++) {
        assertTrue(probabilities[pixel * 4 + c] >= 0);
        sum += probabilities[pixel * 4 + c];
      }
      assertEquals(1f, sum, 1e-5f);
    }
  }

  @Test
  void predictsWhatTheTrainedGraphPredicts() {
    float[] exported = predict(PROBE, new long[] {1, 32, 32, 4});

    assertEquals(trainedParameters, exportedParameters);
    assertArrayEquals(trainedProbabilities, exported, 1e-5f);
  }

  @Test
  void exportedGraphHoldsNoLossOrOptimiser() throws Exception {
    String graph = new String(Files.readAllBytes(savedModel.resolve("saved_model.pb")),
        java.nio.charset.StandardCharsets.ISO_8859_1);

    for (String trainingOnly : new String[] {"ApplyAdam", "adam_m", "OneHot", "classes"}) {
      assertTrue(!graph.contains(trainingOnly), "exported graph contains " + trainingOnly);
    }
  }

  private static float[] predict(Batch batch, long[] expectedShape) {
    try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve");
        TFloat32 image = TrainingGraph.imageTensor(batch);
        Result result = bundle.function("serving_default").call(Map.of("image", image))) {
      TFloat32 output = (TFloat32) result.get("probabilities").orElseThrow();
      assertArrayEquals(expectedShape, output.shape().asArray());
      float[] values = new float[Math.toIntExact(output.size())];
      output.copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  static Batch randomBatch(int size, int height, int width) {
    Random random = new Random(42);
    float[] image = new float[size * height * width * 4];
    int[] classes = new int[size * height * width];
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < classes.length; i++) {
      classes[i] = random.nextInt(4);
    }
    return new Batch(size, height, width, image, classes);
  }
}
