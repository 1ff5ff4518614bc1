package io.segstream.config;

import io.segstream.volume.Sequence;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** How series are gathered into studies and how studies are handed to the pipeline. */
@ConfigMapping(prefix = "segstream.study")
public interface StudyConfig {

    /** Sequences a study must have before it is segmented. */
    @WithDefault("T1,T1C,T2,FLAIR")
    Set<Sequence> requiredSequences();

    /**
     * How long after its last series arrived an incomplete study is answered with a
     * MISSING_SEQUENCE failure. Keep it below
     * {@code mp.messaging.incoming.series-ready.throttled.unprocessed-record-max-age.ms}.
     */
    @WithDefault("PT10M")
    Duration quietPeriod();

    /** How often incomplete studies are checked against the quiet period. */
    @WithDefault("PT5S")
    Duration sweepInterval();

    /** Studies segmented at the same time. */
    @WithDefault("1")
    int processingThreads();

    /** Complete studies waiting for a processing thread before intake blocks (backpressure). */
    @WithDefault("4")
    int processingQueueCapacity();

    /** Attempts at a study whose processing hits a transient fault, the first included. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the second attempt; doubled before each further one. */
    @WithDefault("PT2S")
    Duration retryBackoff();

    /**
     * Studies remembered as answered, so that a series redelivered or sent late for them is
     * acknowledged and ignored instead of opening a new study.
     */
    @WithDefault("10000")
    int answeredStudiesRemembered();

    /**
     * What to do when two series of one study are identified as the same sequence: fail answers
     * the study at once with MISSING_SEQUENCE naming the ambiguous sequence; keep-latest segments
     * with the later series (a repeated acquisition is usually the better one).
     */
    @WithDefault("fail")
    DuplicateSequence duplicateSequence();

    /** Policies for two series identified as the same sequence. */
    enum DuplicateSequence {
        FAIL,
        KEEP_LATEST
    }
}
