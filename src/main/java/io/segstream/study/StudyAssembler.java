package io.segstream.study;

import io.quarkus.runtime.StartupEvent;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.TransientFailureException;
import io.segstream.config.StudyConfig;
import io.segstream.config.StudyConfig.DuplicateSequence;
import io.segstream.ingest.Delivery;
import io.segstream.ingest.SeriesReadyEvent;
import io.segstream.ingest.SeriesSink;
import io.segstream.publish.SegmentationFailure;
import io.segstream.volume.Sequence;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Gathers series by Study Instance UID until the required sequences are present, then hands the
 * study to the {@link StudyRunner}; answers a study that stays incomplete for the quiet period
 * with MISSING_SEQUENCE. When two series claim the same sequence, the study is answered with
 * MISSING_SEQUENCE naming the ambiguity, or, with segstream.study.duplicate-sequence=keep-latest,
 * the later one is kept (a repeated acquisition is usually the better one).
 *
 * <p>Nothing is acknowledged while a study waits, so pending studies survive a restart of the
 * worker by redelivery. A series of a study in {@link AnsweredStudies} (answered by this worker,
 * or found on the answer topics by {@link AnswerLog}) is acknowledged and ignored.
 */
@Singleton
public class StudyAssembler implements SeriesSink {

    private static final Logger LOG = Logger.getLogger(StudyAssembler.class);

    private final SeriesIntake intake;
    private final StudyRunner runner;
    private final StudyConfig config;
    private final Clock clock;
    private final Map<String, PendingStudy> pending = new HashMap<>();
    private final AnsweredStudies answered;
    private final ExecutorService intakeThread =
            Executors.newSingleThreadExecutor(StudyRunner.named("segstream-intake-"));
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(StudyRunner.named("segstream-sweep-"));

    public StudyAssembler(SeriesIntake intake, StudyRunner runner, AnsweredStudies answered,
            StudyConfig config, Clock clock) {
        this.intake = intake;
        this.runner = runner;
        this.answered = answered;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        warnWhenRecordsWouldAgeOut();
        long every = config.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes one announced series onto the intake thread. The returned stage completes when the
     * series has been taken in, long before its record is acknowledged.
     */
    @Override
    public CompletionStage<Void> receive(SeriesReadyEvent event, Delivery delivery) {
        return CompletableFuture.runAsync(() -> takeIn(event, delivery), intakeThread);
    }

    /** Answers every study that has waited the quiet period since its last series. */
    public void expireQuietStudies() {
        Instant now = clock.instant();
        List<PendingStudy> expired = new ArrayList<>();
        synchronized (this) {
            Iterator<PendingStudy> studies = pending.values().iterator();
            while (studies.hasNext()) {
                PendingStudy study = studies.next();
                if (!study.lastArrival.plus(config.quietPeriod()).isAfter(now)) {
                    studies.remove();
                    answered.add(study.studyInstanceUid);
                    expired.add(study);
                }
            }
        }
        expired.forEach(this::answerIncomplete);
    }

    @Override
    public void handBack(Set<Integer> partitions) {
        List<PendingStudy> handedBack = new ArrayList<>();
        synchronized (this) {
            Iterator<PendingStudy> studies = pending.values().iterator();
            while (studies.hasNext()) {
                PendingStudy study = studies.next();
                if (study.cameFrom(partitions)) {
                    studies.remove();
                    handedBack.add(study);
                }
            }
        }
        handedBack.forEach(study -> LOG.infof("[%s] partition moved to another worker; the "
                + "waiting study is left to it, unanswered", study.correlationId));
    }

    /** The sequences received so far for a study still waiting, or empty when none waits. */
    public synchronized Optional<Set<Sequence>> waiting(String studyInstanceUid) {
        PendingStudy study = pending.get(studyInstanceUid);
        return study == null ? Optional.empty() : Optional.of(Set.copyOf(study.series.keySet()));
    }

    private void takeIn(SeriesReadyEvent event, Delivery delivery) {
        String id = CorrelationIds.of(event.studyInstanceUid());
        if (isAnswered(event.studyInstanceUid())) {
            LOG.debugf("[%s] study already answered; series %s acknowledged and ignored", id,
                    event.seriesInstanceUid());
            delivery.acknowledge();
            return;
        }
        Optional<IdentifiedSeries> series;
        try {
            series = receiveRetrying(event, id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.infof("[%s] worker stopping; the series is left for redelivery", id);
            return;
        } catch (StudyFailedException e) {
            failStudy(id, event, delivery, e.reason(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.errorf(e, "[%s] unexpected failure while taking in a series", id);
            failStudy(id, event, delivery, FailureReason.INTERNAL_ERROR,
                    "unexpected " + e.getClass().getName() + " while taking in a series: "
                            + e.getMessage());
            return;
        }
        if (series.isEmpty()) {
            delivery.acknowledge();
            return;
        }
        add(id, series.get(), delivery);
    }

    /**
     * Takes in a series, retrying a transient storage fault with the study's backoff. Runs on
     * the intake thread, so a storage outage holds back later series too (backpressure).
     */
    private Optional<IdentifiedSeries> receiveRetrying(SeriesReadyEvent event, String id)
            throws StudyFailedException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return intake.receive(event, id);
            } catch (TransientFailureException e) {
                if (attempt >= config.maxAttempts()) {
                    throw new StudyFailedException(FailureReason.RETRIES_EXHAUSTED,
                            "a transient fault persisted through " + attempt + " attempts "
                                    + "while taking in a series: " + e.getMessage(), e);
                }
                LOG.warnf("[%s] transient fault taking in a series on attempt %d of %d, "
                        + "retrying: %s", id, attempt, config.maxAttempts(), e.getMessage());
                Thread.sleep(config.retryBackoff().multipliedBy(1L << (attempt - 1)).toMillis());
            }
        }
    }

    private void add(String id, IdentifiedSeries series, Delivery delivery) {
        PendingStudy complete;
        PendingStudy ambiguous = null;
        IdentifiedSeries replaced;
        synchronized (this) {
            PendingStudy study = pending.computeIfAbsent(series.event().studyInstanceUid(),
                    uid -> new PendingStudy(id, uid));
            replaced = study.add(series, delivery, clock.instant());
            boolean another = replaced != null && !replaced.event().seriesInstanceUid()
                    .equals(series.event().seriesInstanceUid());
            if (another && config.duplicateSequence() == DuplicateSequence.FAIL) {
                pending.remove(study.studyInstanceUid);
                answered.add(study.studyInstanceUid);
                ambiguous = study;
            } else if (replaced != null) {
                LOG.debugf("[%s] series %s replaces series %s as %s (the later one is kept)", id,
                        series.event().seriesInstanceUid(),
                        replaced.event().seriesInstanceUid(), series.sequence());
            }
            complete = ambiguous == null && study.has(config.requiredSequences()) ? study : null;
            if (complete != null) {
                pending.remove(study.studyInstanceUid);
                answered.add(study.studyInstanceUid);
            }
        }
        if (ambiguous != null) {
            answerAmbiguous(ambiguous, replaced, series);
            return;
        }
        if (complete == null) {
            return;
        }
        LOG.infof("[%s] study complete with %s; segmenting", id, complete.series.keySet());
        try {
            runner.submit(complete.assembled(), List.copyOf(complete.seriesInstanceUids),
                    List.copyOf(complete.deliveries));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.infof("[%s] worker stopping; the study is left for redelivery", id);
        }
    }

    private void failStudy(String id, SeriesReadyEvent event, Delivery delivery,
            FailureReason reason, String message) {
        PendingStudy study;
        synchronized (this) {
            study = pending.remove(event.studyInstanceUid());
            answered.add(event.studyInstanceUid());
        }
        List<String> series = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        if (study != null) {
            series.addAll(study.seriesInstanceUids);
            deliveries.addAll(study.deliveries);
        }
        if (!series.contains(event.seriesInstanceUid())) {
            series.add(event.seriesInstanceUid());
        }
        deliveries.add(delivery);
        runner.fail(id, new SegmentationFailure(event.studyInstanceUid(), series, reason,
                message, FailureStages.of(reason)), deliveries);
    }

    private void answerAmbiguous(PendingStudy study, IdentifiedSeries earlier,
            IdentifiedSeries later) {
        String message = "two series of the study are identified as " + later.sequence()
                + " (Series Descriptions '" + earlier.attributes().seriesDescription() + "' and '"
                + later.attributes().seriesDescription() + "'), so the " + later.sequence()
                + " to segment is ambiguous; send only one, or set "
                + "segstream.study.duplicate-sequence=keep-latest to use the later one";
        runner.fail(study.correlationId, new SegmentationFailure(study.studyInstanceUid,
                List.copyOf(study.seriesInstanceUids), FailureReason.MISSING_SEQUENCE, message,
                FailureStages.of(FailureReason.MISSING_SEQUENCE)), study.deliveries);
    }

    private void answerIncomplete(PendingStudy study) {
        Set<Sequence> missing = EnumSet.noneOf(Sequence.class);
        missing.addAll(config.requiredSequences());
        missing.removeAll(study.series.keySet());
        String message = "after a quiet period of " + config.quietPeriod() + " the study still "
                + "lacks " + missing + " (received " + study.series.keySet() + "); send the "
                + "missing series, or name them in a Series Description the rules in "
                + "segstream.identification recognise";
        runner.fail(study.correlationId, new SegmentationFailure(study.studyInstanceUid,
                List.copyOf(study.seriesInstanceUids), FailureReason.MISSING_SEQUENCE, message,
                FailureStages.of(FailureReason.MISSING_SEQUENCE)), study.deliveries);
    }

    private boolean isAnswered(String studyInstanceUid) {
        return answered.contains(studyInstanceUid);
    }

    private void sweep() {
        try {
            expireQuietStudies();
        } catch (RuntimeException e) {
            LOG.errorf(e, "checking quiet periods failed; trying again in %s",
                    config.sweepInterval());
        }
    }

    /** A study waits for the quiet period unacknowledged; the channel must tolerate that. */
    private void warnWhenRecordsWouldAgeOut() {
        String key = "mp.messaging.incoming.series-ready.throttled.unprocessed-record-max-age.ms";
        long maxAge = ConfigProvider.getConfig().getOptionalValue(key, Long.class).orElse(60_000L);
        if (maxAge > 0 && maxAge <= config.quietPeriod().toMillis()) {
            LOG.warnf("%s=%d is not above segstream.study.quiet-period=%s: a study waiting for "
                    + "its last series will mark the channel unhealthy; raise %s", key, maxAge,
                    config.quietPeriod(), key);
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        intakeThread.shutdownNow();
    }
}
