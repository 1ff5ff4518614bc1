package io.segstream.phantom;

/**
 * How tumours are drawn for a study. With probability {@code tumourFreeProbability} a study has
 * none; otherwise the count is uniform in {@code [max(minCount, 1), maxCount]}. Each other
 * parameter is drawn uniformly from its range.
 *
 * @param minRadiusMm smallest mean semi-axis of a tumour core
 * @param maxRadiusMm largest mean semi-axis of a tumour core
 * @param tumourFreeProbability chance of a study without tumour
 * @param necrosisProbability chance that an enhancing tumour has a necrotic centre
 * @param enhancementProbability chance that a tumour has an enhancing rim
 * @param minOedemaMm least reach of oedema beyond the core (in white matter)
 * @param maxOedemaMm greatest reach of oedema beyond the core
 * @param maxIrregularity greatest relative surface perturbation
 * @param contrastJitter half-width of the relative range of the contrast multipliers
 */
public record TumourOptions(int minCount, int maxCount, double minRadiusMm, double maxRadiusMm,
        double tumourFreeProbability, double necrosisProbability, double enhancementProbability,
        double minOedemaMm, double maxOedemaMm, double maxIrregularity, double contrastJitter) {

    public TumourOptions {
        if (minCount < 0 || maxCount < minCount) {
            throw new IllegalArgumentException("Tumour count range must satisfy 0 <= minCount <= "
                    + "maxCount, got " + minCount + ".." + maxCount);
        }
        if (!(minRadiusMm > 0 && maxRadiusMm >= minRadiusMm)) {
            throw new IllegalArgumentException("Tumour radius range must be positive and "
                    + "ordered, got " + minRadiusMm + ".." + maxRadiusMm + " mm");
        }
        if (minCount > 0 && tumourFreeProbability > 0) {
            throw new IllegalArgumentException("A tumour-free probability of "
                    + tumourFreeProbability + " contradicts minCount " + minCount);
        }
        if (!(minOedemaMm >= 0 && maxOedemaMm >= minOedemaMm)) {
            throw new IllegalArgumentException("Oedema range must be non-negative and ordered, "
                    + "got " + minOedemaMm + ".." + maxOedemaMm + " mm");
        }
    }

    /** Exactly one medium glioblastoma-like tumour: necrotic core, enhancing rim, oedema. */
    public static TumourOptions sampleStudy() {
        return new TumourOptions(1, 1, 14, 17, 0, 1, 1, 10, 16, 0.35, 0.08);
    }

    /** 0 to 2 tumours of varied size, shape, position and contrast; about 10% tumour-free. */
    public static TumourOptions training() {
        return new TumourOptions(0, 2, 4, 26, 0.1, 0.7, 0.8, 2, 24, 0.35, 0.25);
    }
}
