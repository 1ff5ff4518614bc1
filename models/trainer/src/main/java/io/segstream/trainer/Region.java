package io.segstream.trainer;

/** The BraTS evaluation regions, each a union of labels. */
public enum Region {
  /** Labels 1, 2 and 4. */
  WHOLE_TUMOUR("WT", "whole tumour"),
  /** Labels 1 and 4. */
  TUMOUR_CORE("TC", "tumour core"),
  /** Label 4. */
  ENHANCING_TUMOUR("ET", "enhancing tumour");

  private final String abbreviation;
  private final String title;

  Region(String abbreviation, String title) {
    this.abbreviation = abbreviation;
    this.title = title;
  }

  public String abbreviation() {
    return abbreviation;
  }

  public String title() {
    return title;
  }

  /** True if a voxel of this class index belongs to the region. */
  public boolean contains(int classIndex) {
    switch (this) {
      case WHOLE_TUMOUR:
        return classIndex != 0;
      case TUMOUR_CORE:
        return classIndex == 1 || classIndex == 3;
      default:
        return classIndex == 3;
    }
  }

  /**
   * Dice of the region between two class volumes: 2|A and B| / (|A| + |B|), and 1 when the
   * region is empty in both (a correct "no tumour").
   */
  public double dice(byte[] truth, byte[] predicted) {
    long overlap = 0;
    long total = 0;
    for (int i = 0; i < truth.length; i++) {
      boolean inTruth = contains(truth[i]);
      boolean inPrediction = contains(predicted[i]);
      overlap += inTruth && inPrediction ? 1 : 0;
      total += (inTruth ? 1 : 0) + (inPrediction ? 1 : 0);
    }
    return total == 0 ? 1.0 : 2.0 * overlap / total;
  }
}
