package io.segstream.trainer;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A fully convolutional segmentation network: four normalised sequences in, four class logits
 * out, for every pixel of every slice in the batch.
 *
 * <p>The same instance builds the training graph and, later, the inference graph that is
 * exported; both must ask {@link Weights} for the same variable names in the same order, so
 * that the weights of one restore into the other.
 */
public interface Architecture {

  /** Name written to model.json, e.g. {@code unet}. */
  String name();

  /** Height and width of an input slice must be multiples of this. */
  int inputMultiple();

  /** Builds logits [N, H, W, classes] from an image [N, H, W, channels]. */
  Operand<TFloat32> logits(Ops tf, Operand<TFloat32> image, Weights weights);

  /** Hyperparameters that define the network, for model.json and the model card. */
  Map<String, Object> hyperparameters();

  /** One line for the model card. */
  String description();

  /** Paragraphs for the model card's architecture notes; none by default. */
  default List<String> cardNotes() {
    return List.of();
  }

  /**
   * The same network, weights named alike, as it is built for the exported inference graph;
   * differs where a training-graph op has no usable gradient form at inference (atrous
   * convolutions, see {@link AtrousForm}).
   */
  default Architecture forExport() {
    return this;
  }
}
