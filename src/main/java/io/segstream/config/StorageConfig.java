package io.segstream.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;

/** Where the worker may read DICOM instances from. */
@ConfigMapping(prefix = "segstream.storage")
public interface StorageConfig {

    /**
     * Folders the worker may read instances from. Every announced location, after resolving
     * {@code ..} and symbolic links, must lie under one of them; anything else fails the study
     * with LOCATION_NOT_ALLOWED. No default: name the folders your PACS gateway writes to.
     */
    List<Path> allowedRoots();
}
