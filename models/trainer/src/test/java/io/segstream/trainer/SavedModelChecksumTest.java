package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelChecksumTest {

  // sha256 of "a\n" and of "" (the standard empty-input digest), as sha256sum prints them.
  private static final String A =
      "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7";
  private static final String EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @TempDir Path savedModel;

  @Test
  void hashesAManifestOfFileDigestsSortedByRelativePath() throws Exception {
    write("variables/variables.index", "");
    write("saved_model.pb", "a\n");

    String manifest = SavedModelChecksum.manifest(savedModel);

    assertEquals(A + "  saved_model.pb\n" + EMPTY + "  variables/variables.index\n", manifest);
    assertEquals(SavedModelChecksum.sha256(manifest.getBytes(StandardCharsets.UTF_8)),
        SavedModelChecksum.of(savedModel));
  }

  @Test
  void sortsPathsByBytesSoUpperCaseComesBeforeLowerCase() throws Exception {
    write("b.txt", "");
    write("B.txt", "");
    write("a/z.txt", "");

    assertEquals(java.util.List.of("B.txt", "a/z.txt", "b.txt"),
        SavedModelChecksum.sortedRelativePaths(savedModel));
  }

  @Test
  void changesWhenAnyFileChanges() throws Exception {
    write("saved_model.pb", "a\n");
    write("variables/variables.data-00000-of-00001", "weights");
    String before = SavedModelChecksum.of(savedModel);

    write("variables/variables.data-00000-of-00001", "other weights");

    assertNotEquals(before, SavedModelChecksum.of(savedModel));
  }

  private void write(String relativePath, String text) throws Exception {
    Path file = savedModel.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
