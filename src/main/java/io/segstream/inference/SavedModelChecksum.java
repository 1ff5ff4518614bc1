package io.segstream.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checksum of a SavedModel folder, by the rule the trainer records in model.json: the
 * SHA-256 of a manifest holding one line {@code "<sha256 of file>  <relative path>\n"} per
 * regular file, sorted by the paths' UTF-8 bytes. In a shell:
 * {@code cd saved_model && find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum |
 * sha256sum}.
 */
final class SavedModelChecksum {

    private SavedModelChecksum() {}

    static String of(Path savedModel) throws IOException {
        StringBuilder manifest = new StringBuilder();
        for (String relative : sortedRelativePaths(savedModel)) {
            manifest.append(fileSha256(savedModel.resolve(relative))).append("  ")
                    .append(relative).append('\n');
        }
        return HexFormat.of().formatHex(
                sha256().digest(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> sortedRelativePaths(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                            b.getBytes(StandardCharsets.UTF_8)))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String fileSha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
