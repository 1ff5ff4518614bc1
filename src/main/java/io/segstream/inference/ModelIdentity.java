package io.segstream.inference;

/**
 * The model the worker has loaded.
 *
 * @param name model name
 * @param version model version
 * @param sha256 checksum recomputed over the SavedModel at load time
 * @param device where it runs, e.g. "cpu()" or "gpu(0)"
 */
public record ModelIdentity(String name, String version, String sha256, String device) {}
