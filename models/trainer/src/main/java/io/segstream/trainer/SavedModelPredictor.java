package io.segstream.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs an exported SavedModel through its serving signature, the way the worker does, so that
 * the evaluation measures the shipped artefact and not the training graph.
 */
final class SavedModelPredictor implements Predictor, AutoCloseable {

  private final SavedModelBundle bundle;

  private SavedModelPredictor(SavedModelBundle bundle) {
    this.bundle = bundle;
  }

  /** Accepts a model folder (with saved_model/ inside) or the SavedModel folder itself. */
  static SavedModelPredictor open(Path model, int threads) {
    Path savedModel = Files.isDirectory(model.resolve("saved_model"))
        ? model.resolve("saved_model") : model;
    if (!Files.isRegularFile(savedModel.resolve("saved_model.pb"))) {
      throw new IllegalArgumentException("No saved_model.pb in " + savedModel
          + "; pass the model folder (e.g. models/unet) or its saved_model/ folder");
    }
    SavedModelBundle bundle = SavedModelBundle.loader(savedModel.toString())
        .withTags(SavedModelExport.TAG)
        .withConfigProto(SessionConfig.threads(threads))
        .load();
    return new SavedModelPredictor(bundle);
  }

  @Override
  public float[] probabilities(Batch batch) {
    try (TFloat32 image = TrainingGraph.imageTensor(batch);
        Result result = bundle.function(SavedModelExport.SIGNATURE_KEY)
            .call(Map.of(SavedModelExport.INPUT_KEY, image))) {
      TFloat32 output = (TFloat32) result.get(SavedModelExport.OUTPUT_KEY).orElseThrow();
      float[] values = new float[Math.toIntExact(output.size())];
      output.copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  @Override
  public void close() {
    bundle.close();
  }
}
