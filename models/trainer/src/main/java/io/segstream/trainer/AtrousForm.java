package io.segstream.trainer;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The two graph forms of a "SAME"-padded, stride-1 atrous (dilated) convolution. Both compute
 * the same function of the same kernel; a test holds them equal.
 *
 * <p>TensorFlow's gradient of a dilated Conv2D ignores the dilation and is silently wrong
 * (the project's design notes, "Trainer"), so training rearranges the input with
 * SpaceToBatchND, convolves each of the rate x rate sub-images with an ordinary VALID
 * convolution and reassembles them with BatchToSpaceND, ops whose gradients are right. The
 * exported graph, which is never differentiated, uses the single dilated Conv2D.
 */
public enum AtrousForm {
  /** SpaceToBatchND, Conv2D (VALID), BatchToSpaceND: differentiable, for training. */
  SPACE_TO_BATCH,
  /** Conv2D with dilations: one op, for the exported inference graph. */
  DILATED;

  private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);

  /**
   * Convolves x [N, H, W, C] with kernel [k, k, C, outputs] (k odd) at the given rate, padding
   * so that the output is [N, H, W, outputs] for any H and W.
   */
  public Operand<TFloat32> convolve(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, long kernelSize, int rate) {
    if (rate < 1 || kernelSize % 2 == 0) {
      throw new IllegalArgumentException("Atrous convolution needs a rate >= 1 and an odd kernel,"
          + " got rate " + rate + " and kernel " + kernelSize);
    }
    if (rate == 1) {
      return tf.nn.conv2d(x, kernel, UNIT_STRIDES, "SAME");
    }
    if (this == DILATED) {
      return tf.nn.conv2d(x, kernel, UNIT_STRIDES, "SAME",
          Conv2d.dilations(1L, (long) rate, (long) rate, 1L));
    }
    return spaceToBatch(tf, x, kernel, kernelSize, rate);
  }

  /**
   * Pads by the dilated kernel's half-width on each side (what SAME does) plus whatever makes the
   * padded extent a multiple of the rate; the extra rows and columns are cropped off again.
   */
  private static Operand<TFloat32> spaceToBatch(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, long kernelSize, int rate) {
    int half = (int) (kernelSize / 2) * rate;
    Operand<TInt32> rateConstant = tf.constant(rate);
    Operand<TInt32> size = tf.slice(tf.shape(x), tf.constant(new int[] {1}),
        tf.constant(new int[] {2}));
    // Extra = (-size) mod rate, so that size + extra is a multiple of the rate.
    Operand<TInt32> extra = tf.math.floorMod(tf.math.neg(size), rateConstant);
    Operand<TInt32> halves = tf.constant(new int[] {half, half});
    Operand<TInt32> zeros = tf.constant(new int[] {0, 0});

    Operand<TInt32> paddings = tf.stack(List.of(halves, tf.math.add(halves, extra)),
        org.tensorflow.op.core.Stack.axis(1L));
    Operand<TInt32> crops = tf.stack(List.of(zeros, extra), org.tensorflow.op.core.Stack.axis(1L));
    Operand<TInt32> block = tf.constant(new int[] {rate, rate});

    Operand<TFloat32> batched = tf.spaceToBatchNd(x, block, paddings);
    Operand<TFloat32> convolved = tf.nn.conv2d(batched, kernel, UNIT_STRIDES, "VALID");
    return tf.batchToSpaceNd(convolved, block, crops);
  }
}
