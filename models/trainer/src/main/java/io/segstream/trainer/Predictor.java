package io.segstream.trainer;

/** Anything that turns a batch of slices into class probabilities [N, H, W, classes]. */
interface Predictor {

  float[] probabilities(Batch batch);
}
