package io.segstream.trainer;

/**
 * Where labelled studies come from. The only implementation today is the phantom; keeping it
 * behind this interface lets tests and later data sets (e.g. real BraTS volumes) plug in.
 */
public interface StudySource {

  /** Which tumour distribution a study is drawn from. */
  enum Kind {
    /** Zero to two tumours of varied size and appearance; what training sees. */
    TRAINING,
    /** Exactly one tumour: the demo sample study. */
    SAMPLE
  }

  /** Generates (or loads) the study of a seed; the same seed always gives the same study. */
  LabelledStudy study(long seed, Kind kind);

  /** One line for the model card saying what the studies are. */
  String description();

  /**
   * The study reported beside the held-out table: the demo sample study, which no training
   * range may include, unless a source has none.
   */
  default SampleStudy sample(SeedRange testSeeds) {
    return new SampleStudy(Main.SAMPLE_SEED, Kind.SAMPLE,
        "seed " + Main.SAMPLE_SEED + ", `TumourOptions.sampleStudy()`, never trained on");
  }

  /** A seed, the kind to draw it as, and how the model card names it. */
  record SampleStudy(long seed, Kind kind, String description) {}
}
