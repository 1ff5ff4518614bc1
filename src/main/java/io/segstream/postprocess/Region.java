package io.segstream.postprocess;

/** The BraTS evaluation regions, each a union of labels, in the order they become segments. */
public enum Region {
    WHOLE_TUMOUR("Whole tumour"),
    TUMOUR_CORE("Tumour core"),
    ENHANCING_TUMOUR("Enhancing tumour");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a voxel with this BraTS label belongs to the region. */
    public boolean contains(byte bratsLabel) {
        return switch (this) {
            case WHOLE_TUMOUR -> bratsLabel != BratsLabels.BACKGROUND;
            case TUMOUR_CORE -> bratsLabel == BratsLabels.NECROTIC_CORE
                    || bratsLabel == BratsLabels.ENHANCING_TUMOUR;
            case ENHANCING_TUMOUR -> bratsLabel == BratsLabels.ENHANCING_TUMOUR;
        };
    }
}
