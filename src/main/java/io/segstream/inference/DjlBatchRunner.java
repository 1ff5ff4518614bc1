package io.segstream.inference;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/** Runs batches through a SavedModel with one DJL predictor, which is not thread safe. */
final class DjlBatchRunner implements BatchRunner {

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final String inputKey;
    private final int channels;

    DjlBatchRunner(ZooModel<NDList, NDList> model, String inputKey, int channels) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.inputKey = inputKey;
        this.channels = channels;
    }

    @Override
    public List<float[]> run(List<float[]> slices, int height, int width) throws Exception {
        int perSlice = height * width * channels;
        FloatBuffer buffer = FloatBuffer.allocate(slices.size() * perSlice);
        slices.forEach(buffer::put);
        buffer.flip();

        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(buffer, new Shape(slices.size(), height, width, channels));
            input.setName(inputKey);
            NDList output = predictor.predict(new NDList(input));
            float[] all = output.singletonOrThrow().toFloatArray();
            output.close();
            return split(all, slices.size());
        }
    }

    private static List<float[]> split(float[] all, int count) {
        int each = all.length / count;
        List<float[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] one = new float[each];
            System.arraycopy(all, i * each, one, 0, each);
            out.add(one);
        }
        return out;
    }

    @Override
    public void close() {
        predictor.close();
    }
}
