package io.segstream.trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One or more exported models whose class probabilities are averaged voxel by voxel, the way
 * the worker runs an ensemble ({@code segstream.model.paths}); one model passes through.
 */
final class EnsemblePredictor implements Predictor, AutoCloseable {

  private final List<Predictor> members;
  private final List<AutoCloseable> resources;

  EnsemblePredictor(List<Predictor> members, List<AutoCloseable> resources) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("An ensemble needs at least one model");
    }
    this.members = List.copyOf(members);
    this.resources = List.copyOf(resources);
  }

  /** Opens every model folder through its serving signature; closes them all on failure. */
  static EnsemblePredictor open(List<Path> models, int threads) {
    List<Predictor> members = new ArrayList<>();
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      for (Path model : models) {
        SavedModelPredictor predictor = SavedModelPredictor.open(model, threads);
        members.add(predictor);
        opened.add(predictor);
      }
      return new EnsemblePredictor(members, opened);
    } catch (RuntimeException e) {
      opened.forEach(EnsemblePredictor::closeQuietly);
      throw e;
    }
  }

  @Override
  public float[] probabilities(Batch batch) {
    float[] mean = members.get(0).probabilities(batch);
    if (members.size() == 1) {
      return mean;
    }
    for (int m = 1; m < members.size(); m++) {
      float[] next = members.get(m).probabilities(batch);
      if (next.length != mean.length) {
        throw new IllegalStateException("Ensemble members disagree on the output size: "
            + mean.length + " and " + next.length + " values");
      }
      for (int i = 0; i < mean.length; i++) {
        mean[i] += next[i];
      }
    }
    float scale = 1f / members.size();
    for (int i = 0; i < mean.length; i++) {
      mean[i] *= scale;
    }
    return mean;
  }

  @Override
  public void close() {
    resources.forEach(EnsemblePredictor::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // Closing a TensorFlow bundle releases native memory; nothing to recover from here.
    }
  }
}
