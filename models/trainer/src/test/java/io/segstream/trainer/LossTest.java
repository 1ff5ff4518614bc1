package io.segstream.trainer;

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

/** The losses on a 1 x 1 x 2 image: pixel 0 is oedema (class 2), pixel 1 background. */
class LossTest {

  private static final float[] TARGET = {0, 0, 1, 0, 1, 0, 0, 0};
  private static final float[] UNSURE_LOGITS = {0.1f, -0.2f, 0.3f, 0f, 0.2f, 0.1f, -0.1f, 0f};

  @Test
  void diceLossGradientRaisesTheLogitOfTheTrueTumourClass() {
    float[] gradient = lossAndGradient(Loss.DICE, UNSURE_LOGITS)[1];

    assertTrue(gradient[2] < 0, "d loss / d logit(oedema) at the oedema pixel: " + gradient[2]);
  }

  @Test
  void diceLossGradientMatchesFiniteDifferences() {
    float[] analytic = lossAndGradient(Loss.DICE, UNSURE_LOGITS)[1];

    for (int i = 0; i < UNSURE_LOGITS.length; i++) {
      float[] up = UNSURE_LOGITS.clone();
      float[] down = UNSURE_LOGITS.clone();
      up[i] += 1e-2f;
      down[i] -= 1e-2f;
      float numeric = (lossAndGradient(Loss.DICE, up)[0][0]
          - lossAndGradient(Loss.DICE, down)[0][0]) / 2e-2f;
      assertEquals(numeric, analytic[i], 2e-3f, "logit " + i);
    }
  }

  @Test
  void diceLossIsNearZeroForAConfidentCorrectPrediction() {
    float[] confident = {-20, -20, 20, -20, 20, -20, -20, -20};

    float loss = lossAndGradient(Loss.DICE, confident)[0][0];

    // Classes 1 and 3 are absent from both: smoothed Dice 1. Class 2: (2 + 1) / (2 + 1).
    assertEquals(0f, loss, 1e-4f);
  }

  @Test
  void combinedLossIsTheSumOfCrossEntropyAndDice() {
    float crossEntropy = lossAndGradient(Loss.CROSS_ENTROPY, UNSURE_LOGITS)[0][0];
    float dice = lossAndGradient(Loss.DICE, UNSURE_LOGITS)[0][0];

    float combined = lossAndGradient(Loss.CROSS_ENTROPY_PLUS_DICE, UNSURE_LOGITS)[0][0];

    assertEquals(crossEntropy + dice, combined, 1e-5f);
  }

  @Test
  void parsesTheCommandLineNamesOfTheLosses() {
    assertEquals(Loss.CROSS_ENTROPY_PLUS_DICE, Loss.fromOption("ce+dice"));
    assertEquals(Loss.DICE, Loss.fromOption("DICE"));
  }

  /** Returns {{loss}, d loss / d logits}. */
  private static float[][] lossAndGradient(Loss kind, float[] logitValues) {
    Shape shape = Shape.of(1, 1, 2, Classes.COUNT);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> logits =
          tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      Operand<TFloat32> target = tf.constant(shape, DataBuffers.of(TARGET));
      Operand<TFloat32> loss = kind.build(tf, logits, tf.nn.softmax(logits), target);
      Operand<?> gradient = tf.gradients(loss, List.of(logits)).dy(0);

      try (Session session = new Session(graph);
          TFloat32 input = TFloat32.tensorOf(shape, DataBuffers.of(logitValues));
          Result result = session.runner().feed(logits, input).fetch(loss).fetch(gradient)
              .run()) {
        float[] gradientValues = new float[logitValues.length];
        ((TFloat32) result.get(1)).copyTo(DataBuffers.of(gradientValues, false, false));
        return new float[][] {{((TFloat32) result.get(0)).getFloat()}, gradientValues};
      }
    }
  }
}
