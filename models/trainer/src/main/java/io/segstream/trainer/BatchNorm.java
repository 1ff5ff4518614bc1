package io.segstream.trainer;

import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Batch normalisation (Ioffe and Szegedy, 2015) of [N, H, W, C] features, per channel.
 *
 * <p>While a training step runs (the training flag fed 1) the features are normalised with the
 * mean and population variance of the batch, and the running statistics move towards them by
 * {@code 1 - MOMENTUM}; otherwise, and always in the exported graph, with the running
 * statistics, so that a slice's output does not depend on what else is in its batch.
 */
final class BatchNorm {

  static final float MOMENTUM = 0.99f;
  static final float EPSILON = 1e-3f;

  private BatchNorm() {}

  /** gamma * (x - mean) / sqrt(variance + epsilon) + beta; variables named {@code name_*}. */
  static Operand<TFloat32> apply(
      Ops tf, Weights weights, String name, Operand<TFloat32> x, long channels) {
    Variable<TFloat32> gamma = weights.scale(name + "_gamma", channels);
    Variable<TFloat32> beta = weights.bias(name + "_beta", channels);
    Variable<TFloat32> movingMean = weights.statistic(name + "_moving_mean", channels, 0f);
    Variable<TFloat32> movingVariance =
        weights.statistic(name + "_moving_variance", channels, 1f);

    Operand<TFloat32> mean = movingMean;
    Operand<TFloat32> variance = movingVariance;
    Optional<PlaceholderWithDefault<TFloat32>> training = weights.trainingFlag();
    if (training.isPresent()) {
      Operand<TInt32> axes = tf.constant(new int[] {0, 1, 2});
      Operand<TFloat32> batchMean = tf.math.mean(x, axes);
      Operand<TFloat32> batchVariance =
          tf.math.mean(tf.math.squaredDifference(x, batchMean), axes);
      mean = blend(tf, training.get(), batchMean, movingMean);
      variance = blend(tf, training.get(), batchVariance, movingVariance);
      weights.addUpdate(tf.assign(movingMean, movingAverage(tf, movingMean, batchMean)));
      weights.addUpdate(
          tf.assign(movingVariance, movingAverage(tf, movingVariance, batchVariance)));
    }
    Operand<TFloat32> inverse =
        tf.math.mul(tf.math.rsqrt(tf.math.add(variance, tf.constant(EPSILON))), gamma);
    return tf.math.add(tf.math.mul(tf.math.sub(x, mean), inverse), beta);
  }

  /** flag * ifSet + (1 - flag) * otherwise, for a 0/1 flag. */
  private static Operand<TFloat32> blend(Ops tf, Operand<TFloat32> flag,
      Operand<TFloat32> ifSet, Operand<TFloat32> otherwise) {
    return tf.math.add(tf.math.mul(flag, ifSet),
        tf.math.mul(tf.math.sub(tf.constant(1f), flag), otherwise));
  }

  private static Operand<TFloat32> movingAverage(
      Ops tf, Operand<TFloat32> running, Operand<TFloat32> batch) {
    return tf.math.add(tf.math.mul(running, tf.constant(MOMENTUM)),
        tf.math.mul(batch, tf.constant(1 - MOMENTUM)));
  }
}
