package io.segstream.inference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The worker is not ready to take studies until its model is loaded. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    @Inject InferenceStage inference;

    @Override
    public HealthCheckResponse call() {
        ModelIdentity model = inference.identity();
        if (!inference.isReady() || model == null) {
            return HealthCheckResponse.down("segmentation-model");
        }
        return HealthCheckResponse.named("segmentation-model").up()
                .withData("model", model.name() + " " + model.version())
                .withData("device", model.device()).build();
    }
}
