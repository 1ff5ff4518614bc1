package io.segstream.registration;

import io.segstream.volume.Sequence;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How the sequences of a study are brought onto one grid. */
@ConfigMapping(prefix = "segstream.registration")
public interface RegistrationConfig {

    /**
     * The sequence whose series defines the grid the others are resampled onto and the SEG is
     * written on (T1, T1C, T2 or FLAIR). Post-contrast T1 is usually the finest axial series.
     */
    @WithDefault("T1C")
    Sequence referenceSequence();

    /**
     * auto: patient coordinates within a Frame of Reference unless the alignment check finds the
     * series misaligned, rigid registration across frames; patient-coordinates: never register
     * (another frame fails the study); rigid: register every series not on the reference grid.
     */
    @WithDefault("auto")
    RegistrationMode mode();

    /**
     * In auto mode, register series that share the reference's Frame of Reference too, and use
     * the found transform when it moves the head by more than misalignment-threshold-mm (the
     * patient moved between series). Costs one registration per such series.
     */
    @WithDefault("true")
    boolean checkAlignment();

    /** Largest head displacement (mm) that the alignment check still accepts as aligned. */
    @WithDefault("2.0")
    double misalignmentThresholdMm();

    /**
     * Sampling levels of the registration, coarse to fine, in millimetres; each level averages
     * both series in blocks about this wide and starts where the previous one ended.
     */
    @WithDefault("8,4,2")
    List<Double> levelsMm();

    /** Histogram bins per intensity axis for mutual information. */
    @WithDefault("32")
    int histogramBins();

    /**
     * Fraction of the reference's head voxels, per level, on which mutual information is
     * estimated (at least 2000 where the head has them).
     */
    @WithDefault("0.1")
    double samplingFraction();

    /** Seed of the random sample choice, so that a study registers the same way every time. */
    @WithDefault("1")
    long samplingSeed();

    /** Optimiser (Powell) iterations per level; the search stops there unconverged. */
    @WithDefault("40")
    int maxIterations();

    /** Wall time for one registration; past it the best transform so far is used. */
    @WithDefault("PT60S")
    Duration timeBudget();
}
