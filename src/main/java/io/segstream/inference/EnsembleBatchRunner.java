package io.segstream.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every member model on the same batch and averages their class probabilities voxel by
 * voxel (an unweighted mean, so the result is still a probability distribution per voxel).
 */
final class EnsembleBatchRunner implements BatchRunner {

    private final List<BatchRunner> members;

    EnsembleBatchRunner(List<BatchRunner> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("An ensemble needs at least one member model");
        }
        this.members = List.copyOf(members);
    }

    @Override
    public List<float[]> run(List<float[]> slices, int height, int width) throws Exception {
        List<float[]> sums = null;
        for (BatchRunner member : members) {
            List<float[]> output = member.run(slices, height, width);
            if (sums == null) {
                sums = new ArrayList<>(output);
                continue;
            }
            for (int slice = 0; slice < sums.size(); slice++) {
                add(sums.get(slice), output.get(slice));
            }
        }
        float scale = 1f / members.size();
        for (float[] sum : sums) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] *= scale;
            }
        }
        return sums;
    }

    private static void add(float[] sum, float[] values) {
        if (sum.length != values.length) {
            throw new IllegalStateException("Ensemble members disagree on the output size of a"
                    + " slice: " + sum.length + " and " + values.length + " values");
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
    }

    @Override
    public void close() {
        members.forEach(BatchRunner::close);
    }
}
