package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Batch statistics while training, running statistics otherwise, and how they move. */
class BatchNormTest {

  /** Four [1, 1, 2] feature vectors: channel 0 = 1, 2, 3, 6; channel 1 = 10 each. */
  private static final float[] FEATURES = {1, 10, 2, 10, 3, 10, 6, 10};
  private static final Shape SHAPE = Shape.of(4, 1, 1, 2);

  @Test
  void trainingStepNormalisesWithBatchStatisticsAndMovesTheRunningOnes() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
      Weights weights = Weights.heNormal(tf, 1);
      Operand<TFloat32> y = BatchNorm.apply(tf, weights, "bn", x, 2);

      try (Session session = new Session(graph);
          TFloat32 input = TFloat32.tensorOf(SHAPE, DataBuffers.of(FEATURES, true, false));
          TFloat32 training = TFloat32.scalarOf(1f)) {
        Session.Runner runner = session.runner().feed(x, input)
            .feed(weights.trainingFlag().orElseThrow(), training).fetch(y);
        weights.updates().forEach(runner::addTarget);
        float[] out = values(runner.run());

        // Channel 0: mean 3, population variance 3.5; channel 1: mean 10, variance 0.
        double scale = 1 / Math.sqrt(3.5 + BatchNorm.EPSILON);
        for (int i = 0; i < 4; i++) {
          assertEquals((FEATURES[2 * i] - 3) * scale, out[2 * i], 1e-5);
          assertEquals(0, out[2 * i + 1], 1e-5);
        }
        float[] mean = values(session.runner().fetch("bn_moving_mean").run());
        float[] variance = values(session.runner().fetch("bn_moving_variance").run());
        assertArrayEquals(new float[] {0.01f * 3, 0.01f * 10}, mean, 1e-6f);
        assertArrayEquals(new float[] {0.99f + 0.01f * 3.5f, 0.99f}, variance, 1e-6f);
      }
    }
  }

  @Test
  void withoutTheTrainingFlagTheRunningStatisticsAreUsedAndNotMoved() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
      Weights weights = Weights.heNormal(tf, 1);
      Operand<TFloat32> y = BatchNorm.apply(tf, weights, "bn", x, 2);

      try (Session session = new Session(graph);
          TFloat32 input = TFloat32.tensorOf(SHAPE, DataBuffers.of(FEATURES, true, false))) {
        float[] out = values(session.runner().feed(x, input).fetch(y).run());

        // Initial running statistics: mean 0, variance 1.
        double scale = 1 / Math.sqrt(1 + BatchNorm.EPSILON);
        for (int i = 0; i < FEATURES.length; i++) {
          assertEquals(FEATURES[i] * scale, out[i], 1e-5);
        }
        assertArrayEquals(new float[] {0, 0},
            values(session.runner().fetch("bn_moving_mean").run()), 0f);
      }
    }
  }

  @Test
  void inferenceGraphHasNoTrainingFlagAndCountsOnlyGammaAndBeta() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
      Weights weights = Weights.restorable(tf);
      BatchNorm.apply(tf, weights, "bn", x, 3);

      assertTrue(weights.trainingFlag().isEmpty());
      assertTrue(weights.updates().isEmpty());
      assertEquals(6, weights.parameterCount());
      assertEquals(List.of("bn_gamma", "bn_beta"),
          weights.variables().stream().map(v -> v.op().name()).toList());
    }
  }

  private static float[] values(Result result) {
    try (result) {
      TFloat32 tensor = (TFloat32) result.get(0);
      float[] values = new float[Math.toIntExact(tensor.size())];
      tensor.copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }
}
