package io.segstream.study;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.TransientFailureException;
import io.segstream.config.StudyConfig;
import io.segstream.ingest.Delivery;
import io.segstream.pipeline.StudyProcessor;
import io.segstream.publish.SegmentationFailure;
import io.segstream.publish.SegmentationResult;
import io.segstream.publish.StudyAnswers;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Segments complete studies on a bounded pool and answers every study exactly once: a result, or
 * a failure with its reason. The records of a study are acknowledged only after its answer is on
 * the broker, so that a worker that dies before answering gets the study again.
 */
@Singleton
public class StudyRunner {

    private static final Logger LOG = Logger.getLogger(StudyRunner.class);

    private final StudyProcessor processor;
    private final StudyAnswers answers;
    private final StudyConfig config;
    private final ExecutorService pool;
    private final Semaphore capacity;

    public StudyRunner(StudyProcessor processor, StudyAnswers answers, StudyConfig config) {
        this.processor = processor;
        this.answers = answers;
        this.config = config;
        this.pool = Executors.newFixedThreadPool(config.processingThreads(),
                named("segstream-study-"));
        this.capacity = new Semaphore(config.processingThreads()
                + config.processingQueueCapacity());
    }

    /** Queues a complete study; blocks the caller while the queue is full (backpressure). */
    public void submit(AssembledStudy study, List<String> seriesInstanceUids,
            List<Delivery> deliveries) throws InterruptedException {
        capacity.acquire();
        try {
            pool.execute(() -> {
                try {
                    segment(study, seriesInstanceUids, deliveries);
                } finally {
                    capacity.release();
                }
            });
        } catch (RuntimeException e) {
            capacity.release();
            throw e;
        }
    }

    /** Answers a study with a failure and then settles its records. */
    public void fail(String correlationId, SegmentationFailure failure,
            List<Delivery> deliveries) {
        LOG.infof("[%s] answering with failure %s at stage %s", correlationId,
                failure.reason(), failure.stage());
        LOG.debugf("[%s] failure message: %s", correlationId, failure.message());
        settleAfter(answers.failure(correlationId, failure), correlationId, deliveries);
    }

    private void segment(AssembledStudy study, List<String> seriesInstanceUids,
            List<Delivery> deliveries) {
        String id = study.correlationId();
        for (int attempt = 1; ; attempt++) {
            try {
                SegmentationResult result = processor.process(study);
                if (result == null) {
                    throw new IllegalStateException("the study processor returned no result");
                }
                LOG.infof("[%s] segmented; publishing the result", id);
                settleAfter(answers.result(id, result), id, deliveries);
                return;
            } catch (StudyFailedException e) {
                if (stopping()) {
                    LOG.infof("[%s] worker stopping; the study is left for redelivery", id);
                    return;
                }
                fail(id, failure(study, seriesInstanceUids, e.reason(), e.getMessage()),
                        deliveries);
                return;
            } catch (TransientFailureException e) {
                if (attempt >= config.maxAttempts()) {
                    fail(id, failure(study, seriesInstanceUids, FailureReason.RETRIES_EXHAUSTED,
                            "a transient fault persisted through " + attempt + " attempts: "
                                    + e.getMessage()), deliveries);
                    return;
                }
                LOG.warnf("[%s] transient fault on attempt %d of %d, retrying: %s", id,
                        attempt, config.maxAttempts(), e.getMessage());
                if (!pause(config.retryBackoff().multipliedBy(1L << (attempt - 1)))) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "[%s] unexpected failure while segmenting", id);
                fail(id, failure(study, seriesInstanceUids, FailureReason.INTERNAL_ERROR,
                        "unexpected " + e.getClass().getName() + ": " + e.getMessage()),
                        deliveries);
                return;
            }
        }
    }

    private static SegmentationFailure failure(AssembledStudy study, List<String> series,
            FailureReason reason, String message) {
        return new SegmentationFailure(study.studyInstanceUid(), series, reason,
                message == null ? reason.name() : message, FailureStages.of(reason));
    }

    private static void settleAfter(CompletionStage<Void> published, String correlationId,
            List<Delivery> deliveries) {
        published.whenComplete((ignored, error) -> {
            if (error != null) {
                // Unacknowledged records are not committed: a restarted worker gets them again.
                LOG.errorf(error, "[%s] the answer could not be published; its records stay "
                        + "unacknowledged", correlationId);
                return;
            }
            deliveries.forEach(Delivery::acknowledge);
        });
    }

    private boolean stopping() {
        return pool.isShutdown() || Thread.currentThread().isInterrupted();
    }

    /** False when interrupted, i.e. the worker is stopping and the study will be redelivered. */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
