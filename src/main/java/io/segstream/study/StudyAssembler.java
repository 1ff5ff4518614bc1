package io.segstream.study;

import io.quarkus.runtime.StartupEvent;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.config.StudyConfig;
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
import java.util.LinkedHashMap;
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
 * with MISSING_SEQUENCE. When two series claim the same sequence, the later one is kept: a
 * repeated acquisition is usually the better one, and the replaced series is named at debug.
 *
 * <p>Nothing is acknowledged while a study waits, so pending studies survive a restart of the
 * worker by redelivery.
 */
@Singleton
public class StudyAssembler implements SeriesSink {

    private static final Logger LOG = Logger.getLogger(StudyAssembler.class);

    private final SeriesIntake intake;
    private final StudyRunner runner;
    private final StudyConfig config;
    private final Clock clock;
    private final Map<String, PendingStudy> pending = new HashMap<>();
    private final Map<String, Boolean> answered;
    private final ExecutorService intakeThread =
            Executors.newSingleThreadExecutor(StudyRunner.named("segstream-intake-"));
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(StudyRunner.named("segstream-sweep-"));

    public StudyAssembler(SeriesIntake intake, StudyRunner runner, StudyConfig config,
            Clock clock) {
        this.intake = intake;
        this.runner = runner;
        this.config = config;
        this.clock = clock;
        int remembered = config.answeredStudiesRemembered();
        this.answered = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
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
                    answered.put(study.studyInstanceUid, Boolean.TRUE);
                    expired.add(study);
                }
            }
        }
        expired.forEach(this::answerIncomplete);
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
            series = intake.receive(event, id);
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

    private void add(String id, IdentifiedSeries series, Delivery delivery) {
        PendingStudy complete;
        synchronized (this) {
            PendingStudy study = pending.computeIfAbsent(series.event().studyInstanceUid(),
                    uid -> new PendingStudy(id, uid));
            IdentifiedSeries replaced = study.add(series, delivery, clock.instant());
            if (replaced != null) {
                LOG.debugf("[%s] series %s replaces series %s as %s (the later one is kept)", id,
                        series.event().seriesInstanceUid(),
                        replaced.event().seriesInstanceUid(), series.sequence());
            }
            complete = study.has(config.requiredSequences()) ? study : null;
            if (complete != null) {
                pending.remove(study.studyInstanceUid);
                answered.put(study.studyInstanceUid, Boolean.TRUE);
            }
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
            answered.put(event.studyInstanceUid(), Boolean.TRUE);
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

    private synchronized boolean isAnswered(String studyInstanceUid) {
        return answered.containsKey(studyInstanceUid);
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
