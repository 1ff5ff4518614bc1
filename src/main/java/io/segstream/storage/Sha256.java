package io.segstream.storage;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.TransientFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over files read as one stream, a buffer at a time, never a whole file in memory. */
public final class Sha256 {

    private static final int BUFFER_BYTES = 64 * 1024;

    private Sha256() {}

    /** The digest of the files' bytes concatenated in list order, as lower-case hex. */
    public static String of(List<Path> files) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_BYTES];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void verify(List<Path> files, String announced) throws StudyFailedException {
        String computed;
        try {
            computed = of(files);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new StudyFailedException(FailureReason.INSTANCE_UNREADABLE,
                    "cannot read the instances to verify their checksum: " + e, e);
        } catch (IOException e) {
            // Any other I/O error (EIO, a stale network mount) may pass: the study is retried.
            throw new TransientFailureException("I/O error while reading the instances to "
                    + "verify their checksum: " + e, e);
        }
        if (!computed.equalsIgnoreCase(announced)) {
            throw new StudyFailedException(FailureReason.CHECKSUM_MISMATCH,
                    "the instances have SHA-256 " + computed + " but the event announces "
                            + announced + "; the files changed after they were announced, or the "
                            + "sender hashed them in another order");
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
