package io.segstream.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Creates the named variables of a network and counts their parameters.
 *
 * <p>The training graph gets He-normal kernels from a seeded generator, so that a run can be
 * repeated. The inference graph gets variables without initial values: its weights always come
 * from a checkpoint, so no initial values need to be stored in the exported graph.
 */
public final class Weights {

  private final Ops tf;
  private final Random random;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private long parameterCount;

  private Weights(Ops tf, Random random) {
    this.tf = tf;
    this.random = random;
  }

  /** Variables with random initial values, for training. */
  public static Weights heNormal(Ops tf, long seed) {
    return new Weights(tf, new Random(seed));
  }

  /** Variables that must be restored from a checkpoint before use. */
  public static Weights restorable(Ops tf) {
    return new Weights(tf, null);
  }

  /** A convolution kernel [kernelHeight, kernelWidth, inputs, outputs]. */
  public Variable<TFloat32> kernel(String name, long... shape) {
    long fanIn = shape[0] * shape[1] * shape[2];
    return variable(name, Shape.of(shape), (float) Math.sqrt(2.0 / fanIn));
  }

  /**
   * A transposed-convolution kernel [kernelHeight, kernelWidth, outputs, inputs] (TensorFlow's
   * order for Conv2DBackpropInput). Each output pixel of a stride-2, 2x2 up-convolution sees one
   * input pixel, so the fan-in is the number of input channels.
   */
  public Variable<TFloat32> transposedKernel(String name, long... shape) {
    return variable(name, Shape.of(shape), (float) Math.sqrt(2.0 / shape[3]));
  }

  /** A bias vector, zero at the start of training. */
  public Variable<TFloat32> bias(String name, long size) {
    return variable(name, Shape.of(size), 0f);
  }

  public long parameterCount() {
    return parameterCount;
  }

  /** Every variable created so far, in creation order. */
  public List<Variable<TFloat32>> variables() {
    return List.copyOf(variables);
  }

  private Variable<TFloat32> variable(String name, Shape shape, float standardDeviation) {
    parameterCount += shape.size();
    Ops named = tf.withName(name);
    Variable<TFloat32> variable =
        random == null
            ? named.variable(shape, TFloat32.class)
            : named.variable(tf.constant(shape, DataBuffers.of(gaussian(shape, standardDeviation),
                true, false)));
    variables.add(variable);
    return variable;
  }

  private float[] gaussian(Shape shape, float standardDeviation) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * standardDeviation);
    }
    return values;
  }
}
