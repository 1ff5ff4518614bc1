package io.segstream.trainer;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The building blocks that networks share, with their variables named by the caller. */
final class Layers {

  private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);
  private static final List<Long> HALVING_STRIDES = List.of(1L, 2L, 2L, 1L);

  private final Ops tf;
  private final Weights weights;

  Layers(Ops tf, Weights weights) {
    this.tf = tf;
    this.weights = weights;
  }

  /** Two 3x3 convolutions, each followed by ReLU. */
  Operand<TFloat32> doubleConvolution(
      String name, Operand<TFloat32> x, long inputs, long outputs) {
    Operand<TFloat32> first = convolution(name + "_conv1", x, 3, inputs, outputs);
    Operand<TFloat32> second = convolution(name + "_conv2", tf.nn.relu(first), 3, outputs, outputs);
    return tf.nn.relu(second);
  }

  /** A 1x1 convolution without activation (the classifier). */
  Operand<TFloat32> pointwiseConvolution(
      String name, Operand<TFloat32> x, long inputs, long outputs) {
    return convolution(name, x, 1, inputs, outputs);
  }

  Operand<TFloat32> maxPool(Operand<TFloat32> x) {
    Operand<org.tensorflow.types.TInt32> window = tf.constant(new int[] {1, 2, 2, 1});
    return tf.nn.maxPool(x, window, window, "VALID");
  }

  /**
   * A 2x2, stride-2 transposed convolution from x up to the size of skip; skip must have
   * {@code outputs} feature maps.
   */
  Operand<TFloat32> upConvolution(
      String name, Operand<TFloat32> x, Operand<TFloat32> skip, long inputs, long outputs) {
    Operand<TFloat32> kernel = weights.transposedKernel(name + "_up_kernel", 2, 2, outputs, inputs);
    Operand<TFloat32> up =
        tf.nn.conv2dBackpropInput(tf.shape(skip), kernel, x, HALVING_STRIDES, "SAME");
    return tf.nn.biasAdd(up, weights.bias(name + "_up_bias", outputs));
  }

  Operand<TFloat32> concatenateChannels(Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.concat(List.of(a, b), tf.constant(3));
  }

  private Operand<TFloat32> convolution(
      String name, Operand<TFloat32> x, long size, long inputs, long outputs) {
    Operand<TFloat32> kernel = weights.kernel(name + "_kernel", size, size, inputs, outputs);
    Operand<TFloat32> convolved = tf.nn.conv2d(x, kernel, UNIT_STRIDES, "SAME");
    return tf.nn.biasAdd(convolved, weights.bias(name + "_bias", outputs));
  }
}
