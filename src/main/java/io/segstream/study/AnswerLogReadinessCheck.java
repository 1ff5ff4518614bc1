package io.segstream.study;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to take series until the answers already on the broker have been read. */
@Readiness
@ApplicationScoped
public class AnswerLogReadinessCheck implements HealthCheck {

    @Inject AnswerLog log;
    @Inject AnsweredStudies answered;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("answered-studies").status(log.isSeeded())
                .withData("known", answered.size()).build();
    }
}
