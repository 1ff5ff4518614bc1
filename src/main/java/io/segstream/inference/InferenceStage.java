package io.segstream.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * The one stage that owns the model: loads the SavedModel (or the SavedModels of an ensemble) at
 * start-up after checking checksums, then segments the slices of every study through a shared
 * dynamic batcher.
 */
@ApplicationScoped
public class InferenceStage {

    private static final Logger LOG = Logger.getLogger(InferenceStage.class);
    static final int CHANNELS = 4;

    @Inject ModelConfig config;
    @Inject MeterRegistry registry;

    private volatile List<LoadedModel> models = List.of();
    private volatile DynamicBatcher batcher;
    private volatile ModelIdentity identity;
    private volatile int sizeMultiple;

    void onStart(@Observes StartupEvent event) throws Exception {
        load();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (batcher != null) {
            batcher.close();
        }
        models.forEach(LoadedModel::close);
    }

    synchronized void load() throws Exception {
        List<Path> folders = ModelFolders.of(config);
        Device device = chooseDevice();
        boolean ensemble = folders.size() > 1;
        List<LoadedModel> members = new ArrayList<>();
        List<ModelIdentity> memberIdentities = new ArrayList<>();
        for (Path folder : folders) {
            LoadedModel member = LoadedModel.load(folder,
                    ensemble ? Optional.empty() : config.expectedSha256(), device);
            members.add(member);
            ModelDescriptor described = member.descriptor();
            memberIdentities.add(new ModelIdentity(described.name(), described.version(),
                    member.sha256(), device.toString()));
        }
        ModelIdentity combined;
        try {
            combined = ModelIdentity.ensemble(memberIdentities);
        } catch (IllegalStateException e) {
            members.forEach(LoadedModel::close);
            throw e;
        }
        if (ensemble && config.expectedSha256().isPresent()
                && !config.expectedSha256().get().equalsIgnoreCase(combined.sha256())) {
            members.forEach(LoadedModel::close);
            throw new IllegalStateException("The ensemble " + combined.name() + " has SHA-256 "
                    + combined.sha256() + " but segstream.model.expected-sha256 is "
                    + config.expectedSha256().get() + "; it names another ensemble");
        }

        DistributionSummary batchSizes = DistributionSummary.builder("segstream.inference.batch.size")
                .description("Slices per model call").register(registry);
        this.batcher = new DynamicBatcher(() -> runner(members),
                config.predictorThreads(), config.maxBatchSize(), config.maxBatchWait(),
                config.queueCapacity(), batchSizes::record);
        this.models = List.copyOf(members);
        this.sizeMultiple = sizeMultiple(members);
        this.identity = combined;
        LOG.infof("Loaded model %s %s on %s (sha256 %s)", combined.name(), combined.version(),
                device, combined.sha256().substring(0, 12));
    }

    /** One runner per batcher thread: the model itself, or every member averaged. */
    private static BatchRunner runner(List<LoadedModel> members) {
        if (members.size() == 1) {
            return members.get(0).newRunner(CHANNELS);
        }
        return new EnsembleBatchRunner(
                members.stream().map(member -> member.newRunner(CHANNELS)).toList());
    }

    /** The least common multiple of the members' size multiples, so every member accepts it. */
    static int sizeMultiple(List<LoadedModel> members) {
        int multiple = 1;
        for (LoadedModel member : members) {
            int own = member.descriptor().sizeMultiple();
            multiple = multiple / gcd(multiple, own) * own;
        }
        return multiple;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static Device chooseDevice() {
        Engine engine = Engine.getEngine("TensorFlow");
        boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
        if (cuda && engine.getGpuCount() > 0) {
            return Device.gpu();
        }
        LOG.infof("No usable GPU (CUDA capability: %s); inference runs on the CPU", cuda);
        return Device.cpu();
    }

    public boolean isReady() {
        return batcher != null;
    }

    public ModelIdentity identity() {
        return identity;
    }

    /**
     * Segments every slice of a four-channel volume.
     *
     * @param channels per input channel (T1, T1c, T2, FLAIR), normalised voxels in slice, row,
     *     column order
     * @return per voxel, the probability of each class (background, necrotic core, oedema,
     *     enhancing tumour), classes last
     */
    public float[] predict(float[][] channels, int slices, int rows, int columns)
            throws StudyFailedException, InterruptedException {
        if (batcher == null) {
            throw new StudyFailedException(FailureReason.INFERENCE_FAILED, "the model is not loaded");
        }
        int multiple = sizeMultiple;
        int paddedRows = roundUp(rows, multiple);
        int paddedColumns = roundUp(columns, multiple);
        List<CompletableFuture<float[]>> pending = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            float[] input = SlicePacking.pack(channels, s, rows, columns, paddedRows,
                    paddedColumns);
            pending.add(batcher.submit(input, paddedRows, paddedColumns));
        }

        float[] probabilities = new float[slices * rows * columns * CHANNELS];
        for (int s = 0; s < slices; s++) {
            float[] output = await(pending.get(s));
            SlicePacking.unpack(output, probabilities, s, rows, columns, paddedColumns, CHANNELS);
        }
        return probabilities;
    }

    private static float[] await(CompletableFuture<float[]> future)
            throws StudyFailedException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new StudyFailedException(FailureReason.INFERENCE_FAILED,
                    "the model failed on a slice: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
