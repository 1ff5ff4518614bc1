package io.segstream.seg;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UIDs derived from names, so that processing the same input with the same model again yields
 * the same UIDs: "2.25." followed by the decimal value of a name-based UUID (PS3.5 B.2).
 */
public final class DerivedUid {

    private DerivedUid() {}

    public static String of(String... parts) {
        UUID uuid = UUID.nameUUIDFromBytes(String.join("\u0000", parts)
                .getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }
}
