package io.segstream.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * The one stage that owns the model: loads the SavedModel at start-up (after checking its
 * checksum), then segments the slices of every study through a shared dynamic batcher.
 */
@ApplicationScoped
public class InferenceStage {

    private static final Logger LOG = Logger.getLogger(InferenceStage.class);
    static final int CHANNELS = 4;

    @Inject ModelConfig config;
    @Inject MeterRegistry registry;

    private volatile ZooModel<NDList, NDList> model;
    private volatile DynamicBatcher batcher;
    private volatile ModelIdentity identity;
    private volatile ModelDescriptor descriptor;

    void onStart(@Observes StartupEvent event) throws Exception {
        load();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (batcher != null) {
            batcher.close();
        }
        if (model != null) {
            model.close();
        }
    }

    synchronized void load() throws Exception {
        Path folder = Path.of(config.path()).toAbsolutePath();
        Path savedModel = folder.resolve("saved_model");
        if (!Files.isRegularFile(savedModel.resolve("saved_model.pb"))) {
            throw new IllegalStateException("No SavedModel at " + savedModel
                    + "; set segstream.model.path to a folder holding model.json and saved_model/");
        }
        ModelDescriptor described = ModelDescriptor.read(folder.resolve("model.json"));
        String sha256 = verifiedChecksum(savedModel, described);

        Device device = chooseDevice();
        ZooModel<NDList, NDList> loaded = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(savedModel)
                .optEngine("TensorFlow")
                .optDevice(device)
                .optOption("Tags", "serve")
                .optOption("SignatureDefKey", "serving_default")
                .optTranslator(new NoopTranslator())
                .build()
                .loadModel();
        DistributionSummary batchSizes = DistributionSummary.builder("segstream.inference.batch.size")
                .description("Slices per model call").register(registry);
        this.batcher = new DynamicBatcher(
                () -> new DjlBatchRunner(loaded, described.inputKey(), CHANNELS),
                config.predictorThreads(), config.maxBatchSize(), config.maxBatchWait(),
                config.queueCapacity(), batchSizes::record);
        this.model = loaded;
        this.descriptor = described;
        this.identity = new ModelIdentity(described.name(), described.version(), sha256,
                device.toString());
        LOG.infof("Loaded model %s %s on %s (sha256 %s)", described.name(), described.version(),
                device, sha256.substring(0, 12));
    }

    private String verifiedChecksum(Path savedModel, ModelDescriptor described) throws Exception {
        String actual = SavedModelChecksum.of(savedModel);
        String expected = config.expectedSha256().orElse(described.sha256());
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IllegalStateException("SavedModel at " + savedModel + " has SHA-256 " + actual
                    + " but " + expected + " was expected; the model files were changed or "
                    + "segstream.model.expected-sha256 names another model");
        }
        return actual;
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
        int multiple = descriptor.sizeMultiple();
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
