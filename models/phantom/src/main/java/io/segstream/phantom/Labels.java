package io.segstream.phantom;

/** BraTS label values of the ground truth. */
public final class Labels {

    public static final byte BACKGROUND = 0;
    /** Necrotic and non-enhancing tumour core. */
    public static final byte NECROTIC_CORE = 1;
    /** Peritumoural oedema. */
    public static final byte OEDEMA = 2;
    /** Enhancing tumour. */
    public static final byte ENHANCING_TUMOUR = 4;

    /** The non-background labels, in ascending order. */
    public static final byte[] TUMOUR_LABELS = {NECROTIC_CORE, OEDEMA, ENHANCING_TUMOUR};

    private Labels() {
    }

    /** Number of voxels carrying a label. */
    public static long count(byte[] labels, byte label) {
        long n = 0;
        for (byte value : labels) {
            if (value == label) {
                n++;
            }
        }
        return n;
    }
}
