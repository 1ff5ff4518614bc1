package io.segstream.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Creates the named variables of a network and counts their parameters.
 *
 * <p>The training graph gets He-normal kernels from a seeded generator, so that a run can be
 * repeated. The inference graph gets variables without initial values: its weights always come
 * from a checkpoint, so no initial values need to be stored in the exported graph.
 *
 * <p>Besides the trained parameters, a network may keep running statistics (batch
 * normalisation's moving mean and variance). They are variables, saved and exported with the
 * rest, but not optimised; the training graph updates them with the ops in {@link #updates()}
 * while {@link #trainingFlag()} is fed 1.
 */
public final class Weights {

  private final Ops tf;
  private final Random random;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private final List<Op> updates = new ArrayList<>();
  private PlaceholderWithDefault<TFloat32> trainingFlag;
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

  /** A per-channel scale, one at the start of training. */
  public Variable<TFloat32> scale(String name, long size) {
    parameterCount += size;
    Variable<TFloat32> variable = create(name, Shape.of(size), () -> filled(size, 1f));
    variables.add(variable);
    return variable;
  }

  /** A running statistic: saved and exported, never optimised, not counted as a parameter. */
  public Variable<TFloat32> statistic(String name, long size, float initialValue) {
    return create(name, Shape.of(size), () -> filled(size, initialValue));
  }

  /**
   * 1 while a training step runs, 0 otherwise (its default), in the training graph; absent in
   * the inference graph, which always uses the running statistics.
   */
  public Optional<PlaceholderWithDefault<TFloat32>> trainingFlag() {
    if (random == null) {
      return Optional.empty();
    }
    if (trainingFlag == null) {
      trainingFlag = tf.withName("training").placeholderWithDefault(
          tf.constant(0f), Shape.scalar());
    }
    return Optional.of(trainingFlag);
  }

  /** Registers an op that every training step must run (a running-statistic update). */
  public void addUpdate(Op update) {
    updates.add(update);
  }

  /** The ops every training step runs besides the optimiser, in creation order. */
  public List<Op> updates() {
    return List.copyOf(updates);
  }

  /** Trainable parameters, excluding running statistics. */
  public long parameterCount() {
    return parameterCount;
  }

  /** Every trainable variable created so far, in creation order. */
  public List<Variable<TFloat32>> variables() {
    return List.copyOf(variables);
  }

  private Variable<TFloat32> variable(String name, Shape shape, float standardDeviation) {
    parameterCount += shape.size();
    Variable<TFloat32> variable =
        create(name, shape, () -> gaussian(shape, standardDeviation));
    variables.add(variable);
    return variable;
  }

  private Variable<TFloat32> create(
      String name, Shape shape, java.util.function.Supplier<float[]> initialValues) {
    Ops named = tf.withName(name);
    return random == null
        ? named.variable(shape, TFloat32.class)
        : named.variable(tf.constant(shape, DataBuffers.of(initialValues.get(), true, false)));
  }

  private static float[] filled(long size, float value) {
    float[] values = new float[Math.toIntExact(size)];
    Arrays.fill(values, value);
    return values;
  }

  private float[] gaussian(Shape shape, float standardDeviation) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * standardDeviation);
    }
    return values;
  }
}
