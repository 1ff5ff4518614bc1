package io.segstream.trainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checksum that identifies a SavedModel folder.
 *
 * <p>Rule: list every regular file under the folder by its path relative to the folder, with
 * '/' as separator; sort the paths by their UTF-8 bytes; write one manifest line per file,
 * {@code <lowercase hex SHA-256 of the file><two spaces><relative path>\n} (the format of
 * GNU sha256sum); the checksum is the lowercase hex SHA-256 of the manifest's UTF-8 bytes.
 * In a shell: {@code cd saved_model && find . -type f | sed 's|^\./||' | LC_ALL=C sort |
 * xargs sha256sum | sha256sum}.
 */
public final class SavedModelChecksum {

  private SavedModelChecksum() {}

  public static String of(Path savedModel) throws IOException {
    return sha256(manifest(savedModel).getBytes(StandardCharsets.UTF_8));
  }

  /** The manifest the checksum is taken over. */
  public static String manifest(Path savedModel) throws IOException {
    StringBuilder manifest = new StringBuilder();
    for (String path : sortedRelativePaths(savedModel)) {
      manifest.append(sha256(Files.readAllBytes(savedModel.resolve(path))))
          .append("  ").append(path).append('\n');
    }
    return manifest.toString();
  }

  static List<String> sortedRelativePaths(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .map(file -> folder.relativize(file).toString().replace('\\', '/'))
          .sorted(SavedModelChecksum::compareUtf8)
          .collect(Collectors.toList());
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
    }
  }

  /** Byte-wise order of the UTF-8 encodings, as LC_ALL=C sort gives. */
  private static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
