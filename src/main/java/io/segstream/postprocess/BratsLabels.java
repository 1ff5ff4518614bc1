package io.segstream.postprocess;

/**
 * BraTS labels: 0 background, 1 necrotic or non-enhancing tumour core, 2 peritumoural oedema,
 * 4 enhancing tumour. The model's classes 0..3 map to them in that order.
 */
public final class BratsLabels {

    public static final byte BACKGROUND = 0;
    public static final byte NECROTIC_CORE = 1;
    public static final byte OEDEMA = 2;
    public static final byte ENHANCING_TUMOUR = 4;

    private static final byte[] BY_CLASS = {BACKGROUND, NECROTIC_CORE, OEDEMA, ENHANCING_TUMOUR};

    private BratsLabels() {}

    /** The most probable class of each voxel, as a BraTS label. */
    public static byte[] fromProbabilities(float[] probabilities, int classes) {
        if (classes != BY_CLASS.length) {
            throw new IllegalArgumentException("expected " + BY_CLASS.length
                    + " classes (background, necrotic core, oedema, enhancing), got " + classes);
        }
        byte[] labels = new byte[probabilities.length / classes];
        for (int v = 0; v < labels.length; v++) {
            int best = 0;
            int base = v * classes;
            for (int k = 1; k < classes; k++) {
                if (probabilities[base + k] > probabilities[base + best]) {
                    best = k;
                }
            }
            labels[v] = BY_CLASS[best];
        }
        return labels;
    }
}
