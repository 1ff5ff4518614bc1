package io.segstream.trainer;

import java.io.IOException;
import java.nio.file.Path;

/** Chooses the labelled studies named by --data: {@code phantom} or {@code brats:/path}. */
final class StudySources {

  static final String BRATS_PREFIX = "brats:";

  private StudySources() {}

  static StudySource create(String data) throws IOException {
    if (data.equals("phantom")) {
      return new PhantomStudies();
    }
    if (data.startsWith(BRATS_PREFIX) && data.length() > BRATS_PREFIX.length()) {
      return BratsDataset.open(Path.of(data.substring(BRATS_PREFIX.length())));
    }
    throw new IllegalArgumentException(
        "--data must be phantom or brats:/path/to/case-folders, got " + data);
  }
}
