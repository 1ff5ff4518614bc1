package io.segstream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    /** Echoes each input's first value as its only output and records batch sizes. */
    private static final class EchoRunner implements BatchRunner {
        final List<Integer> sizes = new CopyOnWriteArrayList<>();

        @Override
        public List<float[]> run(List<float[]> slices, int height, int width) {
            sizes.add(slices.size());
            List<float[]> out = new ArrayList<>();
            slices.forEach(s -> out.add(new float[] {s[0], height, width}));
            return out;
        }

        @Override
        public void close() {}
    }

    @Test
    void groupsSlicesOfSeveralStudiesIntoBatches() throws Exception {
        EchoRunner runner = new EchoRunner();
        List<CompletableFuture<float[]>> results = new ArrayList<>();

        try (DynamicBatcher batcher = new DynamicBatcher(() -> runner, 1, 8,
                Duration.ofMillis(200), 64, size -> {})) {
            for (int i = 0; i < 20; i++) {
                results.add(batcher.submit(new float[] {i}, 16, 16));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)[0]).isEqualTo(i);
            }
        }

        assertThat(runner.sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        assertThat(runner.sizes).allMatch(size -> size <= 8);
        assertThat(runner.sizes.size()).isLessThan(20);
    }

    @Test
    void neverMixesSliceSizesInOneBatch() throws Exception {
        EchoRunner runner = new EchoRunner();

        try (DynamicBatcher batcher = new DynamicBatcher(() -> runner, 1, 8,
                Duration.ofMillis(100), 64, size -> {})) {
            CompletableFuture<float[]> small = batcher.submit(new float[] {1}, 16, 16);
            CompletableFuture<float[]> large = batcher.submit(new float[] {2}, 32, 48);

            assertThat(small.get(10, TimeUnit.SECONDS)).containsExactly(1, 16, 16);
            assertThat(large.get(10, TimeUnit.SECONDS)).containsExactly(2, 32, 48);
        }
        assertThat(runner.sizes).containsExactly(1, 1);
    }

    @Test
    void failsEverySliceOfABatchTheModelRejects() throws Exception {
        BatchRunner failing = new BatchRunner() {
            @Override
            public List<float[]> run(List<float[]> slices, int height, int width) {
                throw new IllegalStateException("shape rejected");
            }

            @Override
            public void close() {}
        };

        try (DynamicBatcher batcher = new DynamicBatcher(() -> failing, 1, 4,
                Duration.ofMillis(10), 8, size -> {})) {
            CompletableFuture<float[]> result = batcher.submit(new float[] {1}, 16, 16);

            assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("shape rejected");
        }
    }

    @Test
    void refusesSlicesAfterShutdownAsAnInterruptionSoTheStudyIsRedelivered() {
        DynamicBatcher batcher = new DynamicBatcher(EchoRunner::new, 1, 4, Duration.ofMillis(10),
                8, size -> {});

        batcher.close();

        assertThatThrownBy(() -> batcher.submit(new float[] {1}, 16, 16))
                .isInstanceOf(InterruptedException.class);
    }
}
