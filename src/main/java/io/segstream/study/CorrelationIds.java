package io.segstream.study;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Correlation ids: short hashes that stand for a study in logs, where its UID must not. */
public final class CorrelationIds {

    private static final int HEX_DIGITS = 12;

    private CorrelationIds() {}

    /** The first 12 hexadecimal digits of the SHA-256 of the Study Instance UID. */
    public static String of(String studyInstanceUid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(studyInstanceUid.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
