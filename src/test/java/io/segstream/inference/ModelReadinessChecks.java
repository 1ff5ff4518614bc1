package io.segstream.inference;

/** Readiness checks wired by hand, for tests without a container. */
public final class ModelReadinessChecks {

    private ModelReadinessChecks() {}

    /** A check on an inference stage whose model was never loaded. */
    public static ModelReadinessCheck withUnloadedModel() {
        ModelReadinessCheck check = new ModelReadinessCheck();
        check.inference = new InferenceStage();
        return check;
    }
}
