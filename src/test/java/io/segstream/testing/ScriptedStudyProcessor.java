package io.segstream.testing;

import io.segstream.StudyFailedException;
import io.segstream.pipeline.StudyProcessor;
import io.segstream.publish.ModelInfo;
import io.segstream.publish.SegmentResult;
import io.segstream.publish.SegmentationResult;
import io.segstream.study.AssembledStudy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the segmentation pipeline in messaging tests: answers every study with a fixed
 * result, or with the failure a test scripted for that study.
 */
@Alternative
@ApplicationScoped
public class ScriptedStudyProcessor implements StudyProcessor {

    public static final ModelInfo MODEL = new ModelInfo("scripted", "1.0.0", "0".repeat(64),
            "cpu()");

    private final Map<String, StudyFailedException> failures = new ConcurrentHashMap<>();
    private final Map<String, AssembledStudy> processed = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    /** The next time this study is processed, it fails with {@code failure}. */
    public void failWith(String studyInstanceUid, StudyFailedException failure) {
        failures.put(studyInstanceUid, failure);
    }

    /** Processing this study takes {@code delay}, as a long inference would. */
    public void slowDown(String studyInstanceUid, Duration delay) {
        delays.put(studyInstanceUid, delay);
    }

    /** The study as it was handed over, or null when it was not. */
    public AssembledStudy processed(String studyInstanceUid) {
        return processed.get(studyInstanceUid);
    }

    @Override
    public Optional<ModelInfo> model() {
        return Optional.of(MODEL);
    }

    @Override
    public SegmentationResult process(AssembledStudy study) throws StudyFailedException {
        processed.put(study.studyInstanceUid(), study);
        Duration delay = delays.remove(study.studyInstanceUid());
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StudyFailedException(io.segstream.FailureReason.INTERNAL_ERROR,
                        "interrupted while pretending to segment");
            }
        }
        StudyFailedException failure = failures.remove(study.studyInstanceUid());
        if (failure != null) {
            throw failure;
        }
        Map<String, String> sources = new TreeMap<>();
        study.series().forEach((sequence, series) ->
                sources.put(sequence.name(), series.event().seriesInstanceUid()));
        String reference = sources.get("T1");
        return new SegmentationResult(study.studyInstanceUid(), reference, sources, Map.of(),
                new SegmentationResult.StoredSegmentation(reference + ".1", reference + ".2",
                        "file:/tmp/segstream-test/seg.dcm"),
                List.of(new SegmentResult(1, "Whole tumour", 0, 0.0)), MODEL,
                Map.of("total", 1L));
    }
}
