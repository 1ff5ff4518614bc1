package io.segstream.registration;

import io.segstream.volume.Sequence;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the sequences of a study are brought onto one grid. */
@ConfigMapping(prefix = "segstream.registration")
public interface RegistrationConfig {

    /**
     * The sequence whose series defines the grid the others are resampled onto and the SEG is
     * written on (T1, T1C, T2 or FLAIR). Post-contrast T1 is usually the finest axial series.
     */
    @WithDefault("T1C")
    Sequence referenceSequence();
}
