package io.segstream.trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Validation studies reduced to every n-th slice that shows the head, so that checking
 * progress during training costs seconds rather than minutes (and memory stays small).
 */
final class ValidationSet {

  private ValidationSet() {}

  static List<LabelledStudy> load(StudySource source, SeedRange seeds, int everyNthSlice) {
    List<LabelledStudy> studies = new ArrayList<>();
    for (long i = 0; i < seeds.size(); i++) {
      LabelledStudy study = source.study(seeds.get(i), StudySource.Kind.TRAINING);
      studies.add(everyNthHeadSlice(study, everyNthSlice));
    }
    return studies;
  }

  static LabelledStudy everyNthHeadSlice(LabelledStudy study, int n) {
    List<Integer> kept = new ArrayList<>();
    for (int slice = 0; slice < study.slices(); slice += n) {
      if (study.hasHead(slice)) {
        kept.add(slice);
      }
    }
    int size = study.sliceSize();
    float[][] channels = new float[Classes.CHANNELS][kept.size() * size];
    byte[] classes = new byte[kept.size() * size];
    for (int k = 0; k < kept.size(); k++) {
      int from = kept.get(k) * size;
      for (int channel = 0; channel < Classes.CHANNELS; channel++) {
        System.arraycopy(study.channels()[channel], from, channels[channel], k * size, size);
      }
      System.arraycopy(study.classes(), from, classes, k * size, size);
    }
    return new LabelledStudy(study.seed(), kept.size(), study.rows(),
        study.columns(), channels, classes);
  }

  static String describe(List<LabelledStudy> studies) {
    int slices = studies.stream().mapToInt(LabelledStudy::slices).sum();
    return studies.size() + " studies, " + slices + " slices";
  }
}
