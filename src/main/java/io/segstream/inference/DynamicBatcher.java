package io.segstream.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Queues slices from any number of studies and runs them through the model in batches of up to
 * {@code maxBatchSize}, waiting at most {@code maxWait} for a batch to fill. Only slices of one
 * size share a batch. Submitters block while the queue is full, which keeps memory bounded when
 * studies arrive faster than the model runs.
 */
final class DynamicBatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DynamicBatcher.class);

    record Request(float[] input, int height, int width, CompletableFuture<float[]> result) {}

    private final BlockingQueue<Request> queue;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final List<Thread> workers = new ArrayList<>();
    private final Consumer<Integer> batchSizeRecorder;
    private volatile boolean closed;

    DynamicBatcher(Supplier<BatchRunner> runners, int threads, int maxBatchSize,
            Duration maxWait, int capacity, Consumer<Integer> batchSizeRecorder) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatchSize = maxBatchSize;
        this.maxWaitNanos = maxWait.toNanos();
        this.batchSizeRecorder = batchSizeRecorder;
        for (int i = 0; i < threads; i++) {
            BatchRunner runner = runners.get();
            Thread t = new Thread(() -> work(runner), "segstream-predictor-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    CompletableFuture<float[]> submit(float[] input, int height, int width)
            throws InterruptedException {
        if (closed) {
            // Only a stopping worker closes the batcher: the study is left for redelivery, like
            // one whose thread is interrupted, rather than answered with a failure.
            throw new InterruptedException("the inference stage is shut down");
        }
        Request request = new Request(input, height, width, new CompletableFuture<>());
        queue.put(request);
        return request.result();
    }

    private void work(BatchRunner runner) {
        Request carried = null;
        try (runner) {
            while (!closed || carried != null || !queue.isEmpty()) {
                Request first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
                carried = null;
                if (first == null) {
                    continue;
                }
                List<Request> batch = new ArrayList<>(maxBatchSize);
                batch.add(first);
                carried = fill(batch);
                run(runner, batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds same-sized requests until the batch is full or the wait is over; returns a misfit. */
    private Request fill(List<Request> batch) throws InterruptedException {
        Request first = batch.get(0);
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatchSize) {
            long left = deadline - System.nanoTime();
            Request next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                return null;
            }
            if (next.height() != first.height() || next.width() != first.width()) {
                return next;
            }
            batch.add(next);
        }
        return null;
    }

    private void run(BatchRunner runner, List<Request> batch) {
        Request first = batch.get(0);
        List<float[]> inputs = new ArrayList<>(batch.size());
        batch.forEach(r -> inputs.add(r.input()));
        try {
            List<float[]> outputs = runner.run(inputs, first.height(), first.width());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outputs.get(i));
            }
            batchSizeRecorder.accept(batch.size());
        } catch (Exception | Error e) {
            LOG.errorf(e, "A batch of %d slices failed in the model", batch.size());
            batch.forEach(r -> r.result().completeExceptionally(e));
        }
    }

    /** Finishes queued slices, then stops the predictor threads. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
