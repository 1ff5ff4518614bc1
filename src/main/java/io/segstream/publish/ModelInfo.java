package io.segstream.publish;

/**
 * The model that produced a result.
 *
 * @param name model name from its model.json
 * @param version model version
 * @param sha256 checksum of the SavedModel, recomputed when the worker loaded it
 * @param device where inference ran, e.g. "cpu()" or "gpu(0)"
 */
public record ModelInfo(String name, String version, String sha256, String device) {}
