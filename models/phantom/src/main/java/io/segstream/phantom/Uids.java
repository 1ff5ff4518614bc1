package io.segstream.phantom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic DICOM UIDs: {@code 2.25.} followed by the decimal value of a name-based UUID
 * (PS3.5 B.2). The same seed always yields the same UIDs, so fixtures can be compared; distinct
 * names yield distinct UIDs.
 */
final class Uids {

    private static final String NAMESPACE = "io.segstream.phantom/";

    private Uids() {
    }

    static String forName(String name) {
        UUID uuid = UUID.nameUUIDFromBytes((NAMESPACE + name).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        return "2.25." + new BigInteger(1, bytes);
    }

    static String study(long seed) {
        return forName(seed + "/study");
    }

    static String frameOfReference(long seed) {
        return forName(seed + "/frame-of-reference");
    }

    static String series(long seed, Sequence sequence) {
        return forName(seed + "/series/" + sequence);
    }

    static String sopInstance(long seed, Sequence sequence, int instanceNumber) {
        return forName(seed + "/series/" + sequence + "/instance/" + instanceNumber);
    }
}
