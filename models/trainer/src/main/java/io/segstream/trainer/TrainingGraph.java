package io.segstream.trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.exceptions.TensorFlowException;
import java.nio.charset.StandardCharsets;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The network, its loss and its optimiser in one graph, with a session that trains it. */
final class TrainingGraph implements Predictor, AutoCloseable {

  private final Graph graph = new Graph();
  private final Placeholder<TFloat32> image;
  private final Placeholder<TInt32> classes;
  private final Operand<TFloat32> probabilities;
  private final Operand<TFloat32> loss;
  private final AdamOptimizer optimizer;
  private final Optional<PlaceholderWithDefault<TFloat32>> trainingFlag;
  private final List<Op> statisticUpdates;
  private final long parameterCount;
  private final Session session;

  TrainingGraph(Architecture architecture, Loss lossKind, long seed, int threads) {
    Ops tf = Ops.create(graph);
    image = tf.withName("image").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, -1, -1, Classes.CHANNELS)));
    classes = tf.withName("classes").placeholder(TInt32.class,
        Placeholder.shape(Shape.of(-1, -1, -1)));

    Weights weights = Weights.heNormal(tf, seed);
    Operand<TFloat32> logits = architecture.logits(tf, image, weights);
    probabilities = tf.withName("probabilities").nn.softmax(logits);
    Operand<TFloat32> target =
        tf.oneHot(classes, tf.constant(Classes.COUNT), tf.constant(1f), tf.constant(0f));
    loss = tf.withName("loss").identity(lossKind.build(tf, logits, probabilities, target));

    optimizer = new AdamOptimizer(tf, loss, weights.variables());
    trainingFlag = weights.trainingFlag().filter(flag -> !weights.updates().isEmpty());
    statisticUpdates = weights.updates();
    parameterCount = weights.parameterCount();
    session = new Session(graph, SessionConfig.threads(threads));
  }

  long parameterCount() {
    return parameterCount;
  }

  /** Runs one optimiser step at a 1-based step number; returns the loss before the update. */
  float step(Batch batch, float learningRate, long step) {
    try (TFloat32 imageTensor = imageTensor(batch);
        TInt32 classTensor = classTensor(batch);
        TFloat32 rate = TFloat32.scalarOf(learningRate);
        TFloat32 beta1Power = TFloat32.scalarOf(AdamOptimizer.power(AdamOptimizer.BETA1, step));
        TFloat32 beta2Power = TFloat32.scalarOf(AdamOptimizer.power(AdamOptimizer.BETA2, step));
        TFloat32 training = TFloat32.scalarOf(1f)) {
      Session.Runner runner = session.runner()
          .feed(image, imageTensor)
          .feed(classes, classTensor)
          .feed(optimizer.learningRate(), rate)
          .feed(optimizer.beta1Power(), beta1Power)
          .feed(optimizer.beta2Power(), beta2Power)
          .addTarget(optimizer.update());
      if (trainingFlag.isPresent()) {
        runner.feed(trainingFlag.get(), training);
        statisticUpdates.forEach(runner::addTarget);
      }
      try (Result result = runner.fetch(loss).run()) {
        return ((TFloat32) result.get(0)).getFloat();
      }
    }
  }

  /** Class probabilities [N, H, W, classes] of the current weights, flattened. */
  @Override
  public float[] probabilities(Batch batch) {
    try (TFloat32 imageTensor = imageTensor(batch);
        Result result = session.runner().feed(image, imageTensor).fetch(probabilities).run()) {
      TFloat32 output = (TFloat32) result.get(0);
      float[] values = new float[Math.toIntExact(output.size())];
      output.copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  /**
   * Continues from a checkpoint, optimiser moments included. A checkpoint of the same network
   * restores whole; one that lacks some variables (written before a layer was added) restores
   * what it has, the rest keeping their initial values. Returns the names left at their initial
   * values, empty for a whole restore.
   */
  List<String> restore(Path prefix) {
    try {
      session.restore(prefix.toString());
      return List.of();
    } catch (TensorFlowException partial) {
      return restoreAvailable(prefix);
    }
  }

  private List<String> restoreAvailable(Path prefix) {
    session.initialize();
    Ops tf = Ops.create(graph);
    List<String> names = new ArrayList<>();
    graph.operations().forEachRemaining(operation -> {
      if (operation.type().equals("VariableV2")) {
        names.add(operation.name());
      }
    });
    List<String> fresh = new ArrayList<>();
    for (String name : names) {
      Restore restore = tf.train.restore(tf.constant(prefix.toString()),
          tf.constant(StandardCharsets.UTF_8, new String[] {name}),
          tf.constant(StandardCharsets.UTF_8, new String[] {""}),
          List.of(TFloat32.class));
      @SuppressWarnings("unchecked")
      Operand<TFloat32> variable = (Operand<TFloat32>) (Operand<?>) graph.operation(name).output(0);
      @SuppressWarnings("unchecked")
      Operand<TFloat32> value = (Operand<TFloat32>) (Operand<?>) restore.tensors().get(0);
      try {
        session.run(tf.assign(variable, value));
      } catch (TensorFlowException missing) {
        fresh.add(name);
      }
    }
    if (fresh.size() == names.size()) {
      throw new IllegalArgumentException("Checkpoint " + prefix
          + " has none of this network's variables; is it of another architecture?");
    }
    return fresh;
  }

  /** Writes a checkpoint of every variable, optimiser moments included. */
  void save(Path prefix) {
    session.save(prefix.toString());
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  static TFloat32 imageTensor(Batch batch) {
    Shape shape = Shape.of(batch.size(), batch.height(), batch.width(), Classes.CHANNELS);
    return TFloat32.tensorOf(shape, DataBuffers.of(batch.image(), true, false));
  }

  private static TInt32 classTensor(Batch batch) {
    Shape shape = Shape.of(batch.size(), batch.height(), batch.width());
    return TInt32.tensorOf(shape, DataBuffers.of(batch.classes(), true, false));
  }
}
