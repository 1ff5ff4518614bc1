package io.segstream.trainer;

/** Dice of each {@link Region} for one study, indexed by {@link Region#ordinal()}. */
record StudyDice(long seed, boolean tumourPresent, double[] dice) {

  static StudyDice of(LabelledStudy study, byte[] predicted) {
    double[] dice = new double[Region.values().length];
    for (Region region : Region.values()) {
      dice[region.ordinal()] = region.dice(study.classes(), predicted);
    }
    boolean tumour = false;
    for (byte value : study.classes()) {
      if (value != 0) {
        tumour = true;
        break;
      }
    }
    return new StudyDice(study.seed(), tumour, dice);
  }

  double dice(Region region) {
    return dice[region.ordinal()];
  }
}
