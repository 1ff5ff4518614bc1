package io.segstream.study;

import io.segstream.config.StudyConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Readiness checks wired by hand, for tests without a container. */
public final class AnswerLogChecks {

    private AnswerLogChecks() {}

    /** The check on an answer log that has not read the answer topics yet. */
    public static AnswerLogReadinessCheck beforeSeeding() {
        AnswerLogReadinessCheck check = new AnswerLogReadinessCheck();
        check.log = new AnswerLog();
        check.answered = new AnsweredStudies(new SmallRyeConfigBuilder()
                .withMapping(StudyConfig.class).build().getConfigMapping(StudyConfig.class));
        return check;
    }
}
