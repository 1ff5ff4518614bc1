package io.segstream.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where finished DICOM Segmentations go. */
@ConfigMapping(prefix = "segstream.output")
public interface OutputConfig {

    /**
     * Folder the SEG files are written under, one sub-folder per study named by its correlation
     * id (a hash, so that no identifier appears in a path); created when missing.
     */
    @WithDefault("output")
    String folder();

    /** Series Number given to SEG series. */
    @WithDefault("9901")
    int seriesNumber();
}
