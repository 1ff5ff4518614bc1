package io.segstream.inference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The model the worker has loaded: one model, or an ensemble of several.
 *
 * @param name model name; for an ensemble the members' names joined by '+' in configured order,
 *     e.g. {@code segstream-unet+segstream-deeplabv3plus}
 * @param version model version; for an ensemble the members' versions joined by '+'
 * @param sha256 checksum recomputed over the SavedModel at load time; for an ensemble
 *     {@link #ensembleChecksum(List)} of the members' checksums
 * @param device where it runs, e.g. "cpu()" or "gpu(0)"
 */
public record ModelIdentity(String name, String version, String sha256, String device) {

    /** The identity of an ensemble; a single member stands for itself. */
    static ModelIdentity ensemble(List<ModelIdentity> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        long distinct = members.stream().map(member -> member.sha256().toLowerCase(Locale.ROOT))
                .distinct().count();
        if (distinct < members.size()) {
            throw new IllegalStateException("segstream.model.paths lists the same SavedModel"
                    + " twice (members " + members.stream().map(ModelIdentity::name).toList()
                    + " share a SHA-256) from different folders; an ensemble needs different"
                    + " models, so list each model once");
        }
        return new ModelIdentity(
                members.stream().map(ModelIdentity::name).collect(Collectors.joining("+")),
                members.stream().map(ModelIdentity::version).collect(Collectors.joining("+")),
                ensembleChecksum(members.stream().map(ModelIdentity::sha256).toList()),
                members.get(0).device());
    }

    /**
     * Lowercase hex SHA-256 of the UTF-8 text made of each member's lowercase SavedModel checksum
     * followed by '\n', in configured order (the same members in another order are another
     * ensemble name, so another checksum). Shell: {@code printf '%s\n' SHA1 SHA2 | sha256sum}.
     */
    static String ensembleChecksum(List<String> memberChecksums) {
        StringBuilder text = new StringBuilder();
        memberChecksums.forEach(sha -> text.append(sha.toLowerCase(java.util.Locale.ROOT))
                .append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
