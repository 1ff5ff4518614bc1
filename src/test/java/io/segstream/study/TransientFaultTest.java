package io.segstream.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.TransientFailureException;
import io.segstream.config.IdentificationConfig;
import io.segstream.config.StudyConfig;
import io.segstream.dicom.TinySeries;
import io.segstream.ingest.SeriesReadyEvent;
import io.segstream.publish.SegmentationFailure;
import io.segstream.publish.SegmentationResult;
import io.segstream.publish.StudyAnswers;
import io.segstream.storage.InstanceLocator;
import io.segstream.storage.Sha256;
import io.segstream.testing.AdjustableClock;
import io.segstream.testing.ScriptedStudyProcessor;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transient faults (an I/O error that may pass) are retried with the configured attempts and
 * doubling backoff, at intake (storage) and while segmenting; when they persist the study is
 * answered with RETRIES_EXHAUSTED. Faults are injected by fakes that fail a set number of times.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransientFaultTest {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.9";

    @TempDir Path root;

    private final SmallRyeConfig config = new SmallRyeConfigBuilder()
            .withMapping(StudyConfig.class).withMapping(IdentificationConfig.class)
            .withDefaultValue("segstream.study.max-attempts", "3")
            .withDefaultValue("segstream.study.retry-backoff", "PT0.1S").build();
    private final StudyConfig studyConfig = config.getConfigMapping(StudyConfig.class);
    private final List<Object> answers = new CopyOnWriteArrayList<>();

    @Test
    void retriesATransientStorageFaultAtIntakeAndThenSegmentsTheStudy() throws Exception {
        FailingLocator locator = new FailingLocator(root, 2);
        StudyAssembler assembler = assembler(locator, new ScriptedStudyProcessor());

        receiveFourSeries(assembler);

        awaitAnswers(1);
        assertThat(answers.get(0)).isInstanceOf(SegmentationResult.class);
        assertThat(locator.calls).hasValue(4 + 2);
    }

    @Test
    void answersRetriesExhaustedWhenAStorageFaultPersists() throws Exception {
        FailingLocator locator = new FailingLocator(root, Integer.MAX_VALUE);
        StudyAssembler assembler = assembler(locator, new ScriptedStudyProcessor());
        long started = System.nanoTime();

        receive(assembler, TinySeries.T1, STUDY + ".1");

        awaitAnswers(1);
        SegmentationFailure failure = (SegmentationFailure) answers.get(0);
        assertThat(failure.reason()).isEqualTo(FailureReason.RETRIES_EXHAUSTED);
        assertThat(failure.stage()).isEqualTo("pipeline");
        assertThat(failure.message()).contains("3 attempts").contains("EIO");
        assertThat(locator.calls).hasValue(3);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .as("backoff 100 ms then 200 ms").isGreaterThanOrEqualTo(300);
    }

    @Test
    void retriesATransientFaultWhileSegmentingUntilItPasses() throws Exception {
        FailingProcessor processor = new FailingProcessor(2);
        StudyAssembler assembler = assembler(new FailingLocator(root, 0), processor);

        receiveFourSeries(assembler);

        awaitAnswers(1);
        assertThat(answers.get(0)).isInstanceOf(SegmentationResult.class);
        assertThat(processor.calls).hasValue(3);
    }

    @Test
    void answersRetriesExhaustedWhenSegmentingKeepsFailingTransiently() throws Exception {
        FailingProcessor processor = new FailingProcessor(Integer.MAX_VALUE);
        StudyAssembler assembler = assembler(new FailingLocator(root, 0), processor);

        receiveFourSeries(assembler);

        awaitAnswers(1);
        SegmentationFailure failure = (SegmentationFailure) answers.get(0);
        assertThat(failure.reason()).isEqualTo(FailureReason.RETRIES_EXHAUSTED);
        assertThat(failure.seriesInstanceUids()).hasSize(4);
        assertThat(processor.calls).hasValue(3);
    }

    private StudyAssembler assembler(InstanceLocator locator,
            io.segstream.pipeline.StudyProcessor processor) {
        SeriesIntake intake = new SeriesIntake(locator,
                new SequenceIdentifier(config.getConfigMapping(IdentificationConfig.class)));
        StudyAnswers recording = new StudyAnswers() {
            @Override
            public CompletionStage<Void> result(String id, SegmentationResult result) {
                answers.add(result);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<Void> failure(String id, SegmentationFailure failure) {
                answers.add(failure);
                return CompletableFuture.completedFuture(null);
            }
        };
        return new StudyAssembler(intake, new StudyRunner(processor, recording, studyConfig),
                new AnsweredStudies(studyConfig), studyConfig, new AdjustableClock());
    }

    private void receiveFourSeries(StudyAssembler assembler) throws Exception {
        List<TinySeries> kinds = List.of(TinySeries.T1, TinySeries.T1C, TinySeries.T2,
                TinySeries.FLAIR);
        for (int i = 0; i < kinds.size(); i++) {
            receive(assembler, kinds.get(i), STUDY + "." + (i + 1));
        }
    }

    private void receive(StudyAssembler assembler, TinySeries kind, String series)
            throws Exception {
        Path folder = root.resolve(series);
        List<Path> files = kind.write(folder, STUDY, series, 2);
        SeriesReadyEvent event = new SeriesReadyEvent(series, STUDY, series, "MR", 2, List.of(),
                folder.toUri(), Sha256.of(files));
        assembler.receive(event, () -> {}).toCompletableFuture().get();
    }

    private void awaitAnswers(int count) throws InterruptedException {
        while (answers.size() < count) {
            Thread.sleep(20);
        }
    }

    /** The real locator, after failing its first {@code failures} calls with an I/O error. */
    private static final class FailingLocator extends InstanceLocator {

        final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        FailingLocator(Path root, int failures) {
            super(List.of(root));
            this.failures = failures;
        }

        @Override
        public List<Path> locate(SeriesReadyEvent event) throws StudyFailedException {
            if (calls.incrementAndGet() <= failures) {
                throw new TransientFailureException("I/O error reading an instance: EIO",
                        new IOException("EIO: Input/output error"));
            }
            return super.locate(event);
        }
    }

    /** The scripted processor, after failing its first {@code failures} calls transiently. */
    private static final class FailingProcessor extends ScriptedStudyProcessor {

        final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        FailingProcessor(int failures) {
            this.failures = failures;
        }

        @Override
        public SegmentationResult process(AssembledStudy study) throws StudyFailedException {
            if (calls.incrementAndGet() <= failures) {
                throw new TransientFailureException("storage hiccup while loading",
                        new IOException("EIO"));
            }
            return super.process(study);
        }
    }
}
