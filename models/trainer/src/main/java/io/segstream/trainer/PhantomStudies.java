package io.segstream.trainer;

import io.segstream.phantom.Anatomy;
import io.segstream.phantom.PhantomGenerator;
import io.segstream.phantom.PhantomStudy;
import io.segstream.phantom.Sequence;
import io.segstream.phantom.TumourOptions;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Studies from segstream's phantom: the real Colin27 T1 anatomy with synthesised T1c, T2 and
 * FLAIR contrast and inserted tumours of known ground truth.
 *
 * <p>Each thread gets its own generator, because the training data producer and the validation
 * code generate studies at the same time and the generator makes no promise of thread safety.
 */
public final class PhantomStudies implements StudySource {

  /** The training data as model.json and the model card describe it. */
  static final String DESCRIPTION = "segstream phantom: the real Colin27 T1 anatomy (mricron"
      + " ch2.nii.gz) with T1c, T2 and FLAIR synthesised from it by tissue-intensity remapping,"
      + " and synthetic tumours (necrotic core, enhancing rim, oedema) inserted with known"
      + " ground truth";

  private static final Sequence[] CHANNEL_ORDER = {
    Sequence.T1, Sequence.T1C, Sequence.T2, Sequence.FLAIR
  };

  private final ThreadLocal<PhantomGenerator> generators;

  public PhantomStudies() {
    Anatomy anatomy = loadAnatomy();
    generators = ThreadLocal.withInitial(() -> new PhantomGenerator(anatomy));
  }

  @Override
  public LabelledStudy study(long seed, Kind kind) {
    TumourOptions options =
        kind == Kind.SAMPLE ? TumourOptions.sampleStudy() : TumourOptions.training();
    return labelled(generators.get().generate(seed, options));
  }

  /** A phantom study as the trainer sees it: normalised channels and class indices. */
  static LabelledStudy labelled(PhantomStudy study) {
    float[][] channels = new float[CHANNEL_ORDER.length][];
    for (int i = 0; i < CHANNEL_ORDER.length; i++) {
      channels[i] = Normalisation.zScoreInsideHead(study.image(CHANNEL_ORDER[i]));
    }
    byte[] labels = study.labels();
    byte[] classes = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      classes[i] = (byte) Classes.classOf(labels[i]);
    }
    return new LabelledStudy(study.seed(), study.grid().slices(), study.grid().rows(),
        study.grid().columns(), channels, classes);
  }

  @Override
  public String description() {
    return DESCRIPTION;
  }

  private static Anatomy loadAnatomy() {
    try {
      return Anatomy.loadColin27();
    } catch (Exception e) {
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Cannot load the Colin27 anatomy: " + io.getMessage(), io);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }
}
