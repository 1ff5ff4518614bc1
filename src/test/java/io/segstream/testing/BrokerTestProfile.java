package io.segstream.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messaging tests: the real test broker, the scripted study processor instead of the model, an
 * adjustable clock, and one temporary storage root. The inference stage is left out so that
 * these tests need no SavedModel.
 */
public class BrokerTestProfile implements QuarkusTestProfile {

    /** The only folder the worker may read instances from in these tests. */
    public static final Path STORAGE_ROOT = createRoot();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "segstream.storage.allowed-roots", STORAGE_ROOT.toString(),
                "segstream.study.sweep-interval", "PT0.2S",
                "mp.messaging.incoming.series-ready.auto.commit.interval.ms", "200",
                "quarkus.arc.exclude-types",
                "io.segstream.inference.**,io.segstream.pipeline.SegmentationPipeline");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedStudyProcessor.class, AdjustableClock.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class));
    }

    private static Path createRoot() {
        try {
            return Files.createTempDirectory("segstream-storage").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
