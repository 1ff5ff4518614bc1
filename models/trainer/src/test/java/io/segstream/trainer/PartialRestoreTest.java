package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * --init-from with a checkpoint written before a layer was added: what the checkpoint has is
 * restored, the new layer starts from its initial values; a checkpoint of another network is
 * refused.
 */
class PartialRestoreTest {

  @TempDir Path folder;

  @Test
  void newLayerStartsFreshAndTheRestIsRestored() throws Exception {
    Path checkpoint = folder.resolve("v1").resolve("weights");
    Files.createDirectories(checkpoint.getParent());
    Batch batch = ExportedModelTest.randomBatch(2, 16, 16);
    float[] before;
    try (TrainingGraph v1 = new TrainingGraph(new Pointwise(false), Loss.CROSS_ENTROPY, 1, 1)) {
      for (int step = 1; step <= 5; step++) {
        v1.step(batch, 1e-2f, step);
      }
      v1.save(checkpoint);
      before = v1.probabilities(batch);
    }

    try (TrainingGraph v2 = new TrainingGraph(new Pointwise(true), Loss.CROSS_ENTROPY, 7, 1)) {
      List<String> fresh = v2.restore(checkpoint);

      assertEquals(List.of("head_bn_gamma", "head_bn_beta", "head_bn_moving_mean",
          "head_bn_moving_variance", "head_bn_gamma_adam_m", "head_bn_gamma_adam_v",
          "head_bn_beta_adam_m", "head_bn_beta_adam_v"), fresh.stream().sorted(
              java.util.Comparator.comparingInt(PartialRestoreTest::order)).toList());
      // Fresh batch norm: running mean 0, variance 1, gamma 1, beta 0, so the restored
      // convolution's logits pass through scaled by 1 / sqrt(1 + epsilon).
      float[] after = v2.probabilities(batch);
      assertEquals(before.length, after.length);
      assertTrue(maxDifference(before, after) < 1e-2, "difference " + maxDifference(before, after));
      assertTrue(v2.step(batch, 1e-2f, 1) > 0);
    }
  }

  @Test
  void wholeCheckpointOfTheSameNetworkRestoresWithNothingFresh() throws Exception {
    Path checkpoint = folder.resolve("same").resolve("weights");
    Files.createDirectories(checkpoint.getParent());
    Batch batch = ExportedModelTest.randomBatch(2, 16, 16);
    float[] saved;
    try (TrainingGraph graph = new TrainingGraph(new Pointwise(true), Loss.CROSS_ENTROPY, 1, 1)) {
      graph.step(batch, 1e-2f, 1);
      graph.save(checkpoint);
      saved = graph.probabilities(batch);
    }
    try (TrainingGraph graph = new TrainingGraph(new Pointwise(true), Loss.CROSS_ENTROPY, 9, 1)) {
      assertEquals(List.of(), graph.restore(checkpoint));
      assertArrayEquals(saved, graph.probabilities(batch), 0f);
    }
  }

  @Test
  void checkpointOfAnotherNetworkIsRefused() throws Exception {
    Path checkpoint = folder.resolve("other").resolve("weights");
    Files.createDirectories(checkpoint.getParent());
    try (TrainingGraph unet = new TrainingGraph(new UNet(2, 2), Loss.CROSS_ENTROPY, 1, 1)) {
      unet.save(checkpoint);
    }
    try (TrainingGraph graph = new TrainingGraph(new Pointwise(false), Loss.CROSS_ENTROPY, 1, 1)) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> graph.restore(checkpoint));
      assertTrue(refused.getMessage().contains("none of this network's variables"));
    }
  }

  private static int order(String name) {
    String[] parts = {"gamma", "beta", "moving_mean", "moving_variance"};
    int base = name.contains("_adam_") ? 10 : 0;
    for (int i = 0; i < parts.length; i++) {
      if (name.startsWith("head_bn_" + parts[i])) {
        return base + 2 * i + (name.endsWith("_adam_v") ? 1 : 0);
      }
    }
    return 100;
  }

  private static double maxDifference(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  /** A 1x1 convolution to the class logits, optionally batch-normalised (version 2). */
  private record Pointwise(boolean batchNorm) implements Architecture {

    @Override
    public String name() {
      return "pointwise";
    }

    @Override
    public int inputMultiple() {
      return 1;
    }

    @Override
    public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> image, Weights weights) {
      Operand<TFloat32> logits = new Layers(tf, weights)
          .pointwiseConvolution("head", image, Classes.CHANNELS, Classes.COUNT);
      return batchNorm ? BatchNorm.apply(tf, weights, "head_bn", logits, Classes.COUNT) : logits;
    }

    @Override
    public Map<String, Object> hyperparameters() {
      return Map.of();
    }

    @Override
    public String description() {
      return "test network";
    }
  }
}
