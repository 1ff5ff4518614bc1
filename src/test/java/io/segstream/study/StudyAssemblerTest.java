package io.segstream.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.FailureReason;
import io.segstream.config.IdentificationConfig;
import io.segstream.config.StudyConfig;
import io.segstream.dicom.TinySeries;
import io.segstream.ingest.Delivery;
import io.segstream.ingest.SeriesReadyEvent;
import io.segstream.publish.SegmentationFailure;
import io.segstream.publish.SegmentationResult;
import io.segstream.publish.StudyAnswers;
import io.segstream.storage.InstanceLocator;
import io.segstream.storage.Sha256;
import io.segstream.testing.AdjustableClock;
import io.segstream.testing.ScriptedStudyProcessor;
import io.segstream.volume.Sequence;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Study assembly without a broker: real files, a scripted processor, a recording publisher. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StudyAssemblerTest {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.7";

    @TempDir Path root;

    private final SmallRyeConfig config = new SmallRyeConfigBuilder()
            .withMapping(StudyConfig.class).withMapping(IdentificationConfig.class).build();
    private final StudyConfig studyConfig = config.getConfigMapping(StudyConfig.class);
    private final RecordingAnswers answers = new RecordingAnswers();
    private final ScriptedStudyProcessor processor = new ScriptedStudyProcessor();
    private final AdjustableClock clock = new AdjustableClock();
    private final AtomicInteger acknowledged = new AtomicInteger();

    @Test
    void answersAStudyWithTwoSeriesOfOneSequenceAsAmbiguousNamingTheSequence() throws Exception {
        StudyAssembler assembler = assembler();

        receive(assembler, TinySeries.T1, STUDY + ".1");
        receive(assembler, TinySeries.T1, STUDY + ".2");

        answers.awaitCount(1);
        SegmentationFailure failure = (SegmentationFailure) answers.answers.get(0);
        assertThat(failure.reason()).isEqualTo(FailureReason.MISSING_SEQUENCE);
        assertThat(failure.message()).contains("identified as T1").contains("ambiguous");
        assertThat(acknowledged).hasValue(2);
        assertThat(assembler.waiting(STUDY)).isEmpty();
    }

    @Test
    void takesASeriesAnnouncedTwiceAsOneSeries() throws Exception {
        StudyAssembler assembler = assembler();

        receive(assembler, TinySeries.T1, STUDY + ".1");
        receive(assembler, TinySeries.T1, STUDY + ".1");

        assertThat(answers.answers).isEmpty();
        assertThat(assembler.waiting(STUDY)).contains(Set.of(Sequence.T1));
    }

    @Test
    void keepsTheLaterOfTwoSeriesClaimingTheSameSequenceWhenConfiguredTo() throws Exception {
        StudyAssembler assembler = assembler(new SmallRyeConfigBuilder()
                .withMapping(StudyConfig.class)
                .withDefaultValue("segstream.study.duplicate-sequence", "keep-latest").build()
                .getConfigMapping(StudyConfig.class));

        receive(assembler, TinySeries.T1, STUDY + ".1");
        receive(assembler, TinySeries.T1, STUDY + ".2");
        receive(assembler, TinySeries.T1C, STUDY + ".3");
        receive(assembler, TinySeries.T2, STUDY + ".4");
        receive(assembler, TinySeries.FLAIR, STUDY + ".5");

        answers.awaitCount(1);
        assertThat(processor.processed(STUDY).series().get(Sequence.T1).event()
                .seriesInstanceUid()).isEqualTo(STUDY + ".2");
        assertThat(acknowledged).hasValue(5);
    }

    @Test
    void acknowledgesNothingWhileAStudyWaitsForItsQuietPeriod() throws Exception {
        StudyAssembler assembler = assembler();

        receive(assembler, TinySeries.T1, STUDY + ".1");
        receive(assembler, TinySeries.FLAIR, STUDY + ".2");
        assembler.expireQuietStudies();

        assertThat(acknowledged).hasValue(0);
        assertThat(assembler.waiting(STUDY)).contains(Set.of(Sequence.T1, Sequence.FLAIR));

        clock.advance(studyConfig.quietPeriod());
        assembler.expireQuietStudies();

        answers.awaitCount(1);
        SegmentationFailure failure = (SegmentationFailure) answers.answers.get(0);
        assertThat(failure.message()).contains("lacks [T1C, T2]");
        assertThat(acknowledged).hasValue(2);
    }

    @Test
    void handsAWaitingStudyBackUnansweredWhenItsPartitionMovesToAnotherWorker() throws Exception {
        StudyAssembler assembler = assembler();
        receive(assembler, TinySeries.T1, STUDY + ".1", 1);
        receive(assembler, TinySeries.FLAIR, STUDY + ".2", 1);

        assembler.handBack(Set.of(1));
        clock.advance(studyConfig.quietPeriod().multipliedBy(2));
        assembler.expireQuietStudies();

        assertThat(assembler.waiting(STUDY)).isEmpty();
        assertThat(answers.answers).isEmpty();
        assertThat(acknowledged).hasValue(0);
    }

    @Test
    void keepsWaitingStudiesOfPartitionsItStillOwns() throws Exception {
        StudyAssembler assembler = assembler();
        receive(assembler, TinySeries.T1, STUDY + ".1", 0);

        assembler.handBack(Set.of(1));

        assertThat(assembler.waiting(STUDY)).contains(Set.of(Sequence.T1));
    }

    private StudyAssembler assembler() {
        return assembler(studyConfig);
    }

    private StudyAssembler assembler(StudyConfig studyConfig) {
        SeriesIntake intake = new SeriesIntake(new InstanceLocator(List.of(root)),
                new SequenceIdentifier(config.getConfigMapping(IdentificationConfig.class)));
        return new StudyAssembler(intake, new StudyRunner(processor, answers, studyConfig),
                new AnsweredStudies(studyConfig), studyConfig, clock);
    }

    private void receive(StudyAssembler assembler, TinySeries kind, String series)
            throws Exception {
        receive(assembler, kind, series, 0);
    }

    private void receive(StudyAssembler assembler, TinySeries kind, String series, int partition)
            throws Exception {
        Path folder = root.resolve(series);
        List<Path> files = kind.write(folder, STUDY, series, 2);
        SeriesReadyEvent event = new SeriesReadyEvent(series, STUDY, series, "MR", 2, List.of(),
                folder.toUri(), Sha256.of(files));
        assembler.receive(event, Delivery.of(acknowledged::incrementAndGet, partition))
                .toCompletableFuture().get();
    }

    /** Takes every answer as published at once. */
    private static final class RecordingAnswers implements StudyAnswers {

        final List<Object> answers = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<Void> result(String correlationId, SegmentationResult result) {
            answers.add(result);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> failure(String correlationId, SegmentationFailure failure) {
            answers.add(failure);
            return CompletableFuture.completedFuture(null);
        }

        void awaitCount(int count) throws InterruptedException {
            while (answers.size() < count) {
                Thread.sleep(20);
            }
            Thread.sleep(50);
        }
    }
}
