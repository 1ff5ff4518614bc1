package io.segstream.inference;

import java.util.List;

/** Runs one batch of equally sized slices through a model; one instance per thread. */
interface BatchRunner extends AutoCloseable {

    /**
     * @param slices inputs, each {@code height * width * channels} values, channels last
     * @return per slice, {@code height * width * classes} probabilities, classes last
     */
    List<float[]> run(List<float[]> slices, int height, int width) throws Exception;

    @Override
    void close();
}
