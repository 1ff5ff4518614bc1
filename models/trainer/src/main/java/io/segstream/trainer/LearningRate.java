package io.segstream.trainer;

/**
 * Linear warm-up over the first steps, then cosine decay to 2% of the peak by the end of
 * training. Progress is a fraction of the run so that a time-limited run still ends decayed.
 */
final class LearningRate {

  static final String DESCRIPTION =
      "linear warm-up over 100 steps, then cosine decay to 2% of the peak";
  static final int WARMUP_STEPS = 100;
  static final double FINAL_FRACTION = 0.02;

  private LearningRate() {}

  static float at(double peak, long step, double progress) {
    if (step <= WARMUP_STEPS) {
      return (float) (peak * step / WARMUP_STEPS);
    }
    double clamped = Math.min(Math.max(progress, 0), 1);
    double cosine = 0.5 * (1 + Math.cos(Math.PI * clamped));
    return (float) (peak * (FINAL_FRACTION + (1 - FINAL_FRACTION) * cosine));
  }
}
