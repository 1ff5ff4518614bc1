package io.segstream.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.inference.ModelReadinessCheck;
import io.segstream.inference.ModelReadinessChecks;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness is down before the model is loaded and before the answer log has been read. */
class ReadinessChecksTest {

    @Test
    void modelCheckIsDownBeforeTheModelIsLoaded() {
        ModelReadinessCheck check = ModelReadinessChecks.withUnloadedModel();

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void answerLogCheckIsDownBeforeTheAnswersHaveBeenRead() {
        assertThat(io.segstream.study.AnswerLogChecks.beforeSeeding().call().getStatus())
                .isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
