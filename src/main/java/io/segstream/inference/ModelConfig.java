package io.segstream.inference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Which segmentation model the worker loads and how it batches slices through it. */
@ConfigMapping(prefix = "segstream.model")
public interface ModelConfig {

    /** Folder holding the model's {@code model.json} and {@code saved_model/}. */
    @WithDefault("models/unet")
    String path();

    /**
     * Model folders to load instead of {@code path}, comma-separated: one folder is that model;
     * several form an ensemble that averages the members' class probabilities voxel by voxel,
     * reported as one model named by the members' names joined with '+', e.g.
     * {@code models/unet,models/deeplabv3plus}. Each folder, and each SavedModel, may appear only
     * once.
     */
    Optional<String> paths();

    /**
     * SHA-256 the SavedModel must have; when set, the worker refuses to start on any other.
     * When unset, the checksum recorded in {@code model.json} is required instead. For an
     * ensemble it is the ensemble checksum: the SHA-256 of the members' checksums, each followed
     * by a newline, in configured order; each member is still checked against its model.json.
     */
    Optional<String> expectedSha256();

    /** Most slices sent to the model in one call; slices of several studies share a batch. */
    @WithDefault("16")
    int maxBatchSize();

    /** Longest a slice waits for others to fill its batch before the batch runs anyway. */
    @WithDefault("PT0.02S")
    Duration maxBatchWait();

    /** Threads running the model, each with its own predictor. */
    @WithDefault("1")
    int predictorThreads();

    /** Slices waiting for the model before submitters block (backpressure). */
    @WithDefault("512")
    int queueCapacity();
}
