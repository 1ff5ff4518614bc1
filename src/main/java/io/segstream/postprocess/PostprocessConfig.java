package io.segstream.postprocess;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How model output is cleaned before it is encoded. */
@ConfigMapping(prefix = "segstream.postprocess")
public interface PostprocessConfig {

    /**
     * Connected tumour components smaller than this (millilitres, 6-connectivity over all tumour
     * labels) are set to background; 0 keeps every component.
     */
    @WithDefault("0.1")
    double minComponentMl();
}
