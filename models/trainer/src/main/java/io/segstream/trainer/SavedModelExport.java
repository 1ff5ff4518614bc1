package io.segstream.trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Exports an inference-only SavedModel: the network is rebuilt in a fresh graph without loss or
 * optimiser, its weights are restored from a training checkpoint, and the graph is saved with
 * the tag and signature the worker loads.
 */
public final class SavedModelExport {

  public static final String TAG = "serve";
  public static final String SIGNATURE_KEY = "serving_default";
  public static final String INPUT_KEY = "image";
  public static final String OUTPUT_KEY = "probabilities";
  static final String METHOD_NAME = "tensorflow/serving/predict";

  private SavedModelExport() {}

  /** Returns the number of parameters of the exported network. */
  public static long export(Architecture architecture, Path checkpointPrefix, Path savedModel)
      throws IOException {
    if (Files.exists(savedModel)) {
      throw new IOException("SavedModel folder " + savedModel
          + " already exists; the exporter writes only into a new folder");
    }
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image = tf.withName(INPUT_KEY).placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, -1, -1, Classes.CHANNELS)));
      Weights weights = Weights.restorable(tf);
      Operand<TFloat32> logits = architecture.forExport().logits(tf, image, weights);
      Operand<TFloat32> probabilities = tf.withName(OUTPUT_KEY).nn.softmax(logits);

      try (Session session = new Session(graph, SessionConfig.threads(2))) {
        session.restore(checkpointPrefix.toString());
        Signature signature = Signature.builder()
            .key(SIGNATURE_KEY)
            .methodName(METHOD_NAME)
            .input(INPUT_KEY, image)
            .output(OUTPUT_KEY, probabilities)
            .build();
        SavedModelBundle.exporter(savedModel.toString())
            .withTags(TAG)
            .withFunction(SessionFunction.create(signature, session))
            .export();
      }
      return weights.parameterCount();
    }
  }
}
