package io.segstream.trainer;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba, 2015) whose learning rate is fed at every step.
 *
 * <p>TensorFlow Java's own Adam fixes the learning rate when the graph is built, which rules out
 * warm-up and decay; this one feeds it, and the bias-correction powers of beta, as scalars.
 */
final class AdamOptimizer {

  static final float BETA1 = 0.9f;
  static final float BETA2 = 0.999f;
  static final float EPSILON = 1e-7f;

  private final Placeholder<TFloat32> learningRate;
  private final Placeholder<TFloat32> beta1Power;
  private final Placeholder<TFloat32> beta2Power;
  private final Op update;

  AdamOptimizer(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables) {
    learningRate = tf.withName("adam_learning_rate").placeholder(TFloat32.class);
    beta1Power = tf.withName("adam_beta1_power").placeholder(TFloat32.class);
    beta2Power = tf.withName("adam_beta2_power").placeholder(TFloat32.class);

    List<Operand<?>> gradients = new ArrayList<>();
    tf.gradients(loss, variables).forEach(gradients::add);

    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      updates.add(apply(tf, variables.get(i), cast(gradients.get(i))));
    }
    update = tf.withControlDependencies(updates).withName("adam_update").noOp();
  }

  /** The op to run for one step; feed it with {@link #feed}. */
  Op update() {
    return update;
  }

  Placeholder<TFloat32> learningRate() {
    return learningRate;
  }

  Placeholder<TFloat32> beta1Power() {
    return beta1Power;
  }

  Placeholder<TFloat32> beta2Power() {
    return beta2Power;
  }

  /** beta^step, for bias correction at a 1-based step. */
  static float power(float beta, long step) {
    return (float) Math.pow(beta, step);
  }

  private Op apply(Ops tf, Variable<TFloat32> variable, Operand<TFloat32> gradient) {
    String name = variable.op().name();
    // Built from the static shape: reading the variable here would race its own initialiser.
    Operand<TFloat32> zeros = tf.zeros(tf.constant(variable.shape()), TFloat32.class);
    Variable<TFloat32> firstMoment = tf.withName(name + "_adam_m").variable(zeros);
    Variable<TFloat32> secondMoment = tf.withName(name + "_adam_v").variable(zeros);
    return tf.train.applyAdam(
        variable, firstMoment, secondMoment, beta1Power, beta2Power, learningRate,
        tf.constant(BETA1), tf.constant(BETA2), tf.constant(EPSILON), gradient);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Operand<?> gradient) {
    return (Operand<TFloat32>) gradient;
  }
}
