package io.segstream.inference;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One SavedModel loaded through DJL, after its checksum was checked against model.json (or
 * against an expected checksum given by configuration).
 *
 * @param descriptor what model.json says about it
 * @param sha256 checksum recomputed over the SavedModel
 * @param model the loaded model; closed by the owner
 */
record LoadedModel(ModelDescriptor descriptor, String sha256, ZooModel<NDList, NDList> model)
        implements AutoCloseable {

    /**
     * @param folder a model folder holding {@code model.json} and {@code saved_model/}
     * @param expectedSha256 checksum that overrides the one in model.json, if present
     */
    static LoadedModel load(Path folder, Optional<String> expectedSha256, Device device)
            throws Exception {
        Path savedModel = folder.toAbsolutePath().resolve("saved_model");
        if (!Files.isRegularFile(savedModel.resolve("saved_model.pb"))) {
            throw new IllegalStateException("No SavedModel at " + savedModel + "; set"
                    + " segstream.model.path (or segstream.model.paths) to folders holding"
                    + " model.json and saved_model/");
        }
        ModelDescriptor descriptor = ModelDescriptor.read(folder.resolve("model.json"));
        String sha256 = verifiedChecksum(savedModel, expectedSha256.orElse(descriptor.sha256()));
        ZooModel<NDList, NDList> model = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(savedModel)
                .optEngine("TensorFlow")
                .optDevice(device)
                .optOption("Tags", "serve")
                .optOption("SignatureDefKey", "serving_default")
                .optTranslator(new NoopTranslator())
                .build()
                .loadModel();
        return new LoadedModel(descriptor, sha256, model);
    }

    private static String verifiedChecksum(Path savedModel, String expected) throws Exception {
        String actual = SavedModelChecksum.of(savedModel);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IllegalStateException("SavedModel at " + savedModel + " has SHA-256 "
                    + actual + " but " + expected + " was expected; the model files were changed"
                    + " or segstream.model.expected-sha256 names another model");
        }
        return actual;
    }

    /** A runner with its own predictor, for one batcher thread. */
    BatchRunner newRunner(int channels) {
        return new DjlBatchRunner(model, descriptor.inputKey(), channels);
    }

    @Override
    public void close() {
        model.close();
    }
}
