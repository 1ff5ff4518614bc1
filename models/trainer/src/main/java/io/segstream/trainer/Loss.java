package io.segstream.trainer;

import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Training losses over logits [N, H, W, classes] and one-hot targets of the same shape. */
public enum Loss {
  CROSS_ENTROPY("ce"),
  DICE("dice"),
  CROSS_ENTROPY_PLUS_DICE("ce+dice");

  /** Keeps the Dice ratio defined (and its gradient finite) when a class is absent. */
  static final float DICE_SMOOTHING = 1f;

  private final String option;

  Loss(String option) {
    this.option = option;
  }

  public String option() {
    return option;
  }

  public static Loss fromOption(String value) {
    for (Loss loss : values()) {
      if (loss.option.equals(value.toLowerCase(Locale.ROOT))) {
        return loss;
      }
    }
    throw new IllegalArgumentException("--loss must be ce, dice or ce+dice, got " + value);
  }

  public Operand<TFloat32> build(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> probabilities, Operand<TFloat32> target) {
    switch (this) {
      case CROSS_ENTROPY:
        return crossEntropy(tf, logits, target);
      case DICE:
        return softDice(tf, probabilities, target);
      default:
        return tf.math.add(crossEntropy(tf, logits, target), softDice(tf, probabilities, target));
    }
  }

  /** Mean pixel-wise cross-entropy. */
  static Operand<TFloat32> crossEntropy(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> target) {
    Operand<TFloat32> flatLogits = tf.reshape(logits, tf.constant(new int[] {-1, Classes.COUNT}));
    Operand<TFloat32> flatTarget = tf.reshape(target, tf.constant(new int[] {-1, Classes.COUNT}));
    Operand<TFloat32> perPixel = tf.nn.softmaxCrossEntropyWithLogits(flatLogits, flatTarget).loss();
    return tf.math.mean(perPixel, tf.constant(0));
  }

  /**
   * One minus the mean soft Dice of the tumour classes (background is left out: it would
   * dominate). Sums run over the whole batch rather than per slice, because most slices lack
   * at least one class and a per-slice ratio of two tiny sums is mostly noise.
   */
  static Operand<TFloat32> softDice(
      Ops tf, Operand<TFloat32> probabilities, Operand<TFloat32> target) {
    Operand<TFloat32> tumourProbabilities = tumourClasses(tf, probabilities);
    Operand<TFloat32> tumourTarget = tumourClasses(tf, target);
    Operand<org.tensorflow.types.TInt32> pixels = tf.constant(new int[] {0, 1, 2});

    Operand<TFloat32> overlap =
        tf.reduceSum(tf.math.mul(tumourProbabilities, tumourTarget), pixels);
    Operand<TFloat32> total = tf.math.add(
        tf.reduceSum(tumourProbabilities, pixels), tf.reduceSum(tumourTarget, pixels));

    Operand<TFloat32> smoothing = tf.constant(DICE_SMOOTHING);
    Operand<TFloat32> dice = tf.math.div(
        tf.math.add(tf.math.mul(tf.constant(2f), overlap), smoothing),
        tf.math.add(total, smoothing));
    return tf.math.sub(tf.constant(1f), tf.math.mean(dice, tf.constant(0)));
  }

  /** Channels 1.. of a [N, H, W, classes] tensor. */
  private static Operand<TFloat32> tumourClasses(Ops tf, Operand<TFloat32> perClass) {
    return tf.slice(
        perClass,
        tf.constant(new int[] {0, 0, 0, 1}),
        tf.constant(new int[] {-1, -1, -1, Classes.COUNT - 1}));
  }
}
