package io.segstream.trainer;

/**
 * Dice of each {@link Region} for one study, indexed by {@link Region#ordinal()}, and how many
 * voxels were predicted and are truly tumour (any label).
 */
record StudyDice(long seed, boolean tumourPresent, double[] dice, long predictedTumourVoxels,
    long tumourVoxels) {

  static StudyDice of(LabelledStudy study, byte[] predicted) {
    double[] dice = new double[Region.values().length];
    for (Region region : Region.values()) {
      dice[region.ordinal()] = region.dice(study.classes(), predicted);
    }
    long truth = nonZero(study.classes());
    return new StudyDice(study.seed(), truth > 0, dice, nonZero(predicted), truth);
  }

  private static long nonZero(byte[] classes) {
    long count = 0;
    for (byte value : classes) {
      if (value != 0) {
        count++;
      }
    }
    return count;
  }

  double dice(Region region) {
    return dice[region.ordinal()];
  }
}
