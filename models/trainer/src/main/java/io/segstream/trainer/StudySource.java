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
}
