package io.segstream.study;

import io.segstream.config.StudyConfig;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The studies that already have an answer, so that a series redelivered or sent late for one is
 * acknowledged and ignored instead of opening the study again. Filled by this worker as it
 * answers, and from the answer topics by {@link AnswerLog}, which is what carries the set across
 * restarts. Bounded: the oldest entries are forgotten past
 * {@code segstream.study.answered-studies-remembered}.
 */
@Singleton
public class AnsweredStudies {

    private final Map<String, Boolean> answered;

    public AnsweredStudies(StudyConfig config) {
        int remembered = config.answeredStudiesRemembered();
        this.answered = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** Records that the study has (or is getting) its answer. */
    public synchronized void add(String studyInstanceUid) {
        answered.remove(studyInstanceUid);
        answered.put(studyInstanceUid, Boolean.TRUE);
    }

    public synchronized boolean contains(String studyInstanceUid) {
        return answered.containsKey(studyInstanceUid);
    }

    public synchronized int size() {
        return answered.size();
    }
}
