package io.segstream.registration;

/** Checks {@link RegistrationConfig} at startup, naming the key, the value and the rule. */
final class RegistrationConfigRules {

    private static final String PREFIX = "segstream.registration.";

    private RegistrationConfigRules() {}

    static void check(RegistrationConfig config) {
        require(config.histogramBins() >= 4, "histogram-bins", config.histogramBins(),
                "must be at least 4");
        require(config.samplingFraction() > 0 && config.samplingFraction() <= 1,
                "sampling-fraction", config.samplingFraction(), "must be in (0, 1]");
        require(!config.levelsMm().isEmpty()
                        && config.levelsMm().stream().allMatch(mm -> mm > 0),
                "levels-mm", config.levelsMm(), "must list at least one positive spacing");
        require(config.maxIterations() >= 1, "max-iterations", config.maxIterations(),
                "must be at least 1");
        require(config.misalignmentThresholdMm() >= 0, "misalignment-threshold-mm",
                config.misalignmentThresholdMm(), "must not be negative");
        require(!config.timeBudget().isNegative(), "time-budget", config.timeBudget(),
                "must not be negative");
    }

    private static void require(boolean rule, String key, Object value, String what) {
        if (!rule) {
            throw new IllegalArgumentException(PREFIX + key + " is " + value + " but " + what);
        }
    }
}
