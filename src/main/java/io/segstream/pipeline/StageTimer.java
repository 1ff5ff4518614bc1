package io.segstream.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.segstream.StudyFailedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times the stages of one study: each stage's wall time goes to the result event and to the
 * {@code segstream.stage.duration} timer tagged with the stage, and a failure is tagged with the
 * stage it happened in.
 */
final class StageTimer {

    @FunctionalInterface
    interface Stage<T> {
        T run() throws Exception;
    }

    private final MeterRegistry registry;
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    StageTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> T time(String stage, Stage<T> work) throws StudyFailedException, InterruptedException {
        long start = System.nanoTime();
        try {
            return work.run();
        } catch (StudyFailedException e) {
            throw e.inStage(stage);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new StudyFailedException(io.segstream.FailureReason.INTERNAL_ERROR,
                    "unexpected " + e.getClass().getSimpleName() + " in stage " + stage + ": "
                            + e.getMessage(), e).inStage(stage);
        } finally {
            long elapsed = System.nanoTime() - start;
            millis.merge(stage, TimeUnit.NANOSECONDS.toMillis(elapsed), Long::sum);
            Timer.builder("segstream.stage.duration").tag("stage", stage)
                    .description("Wall time of one pipeline stage for one study")
                    .register(registry).record(elapsed, TimeUnit.NANOSECONDS);
        }
    }

    /** Stage times in the order they ran, plus "total". */
    Map<String, Long> millis() {
        Map<String, Long> out = new LinkedHashMap<>(millis);
        out.put("total", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return out;
    }
}
