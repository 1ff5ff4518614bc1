package io.segstream.study;

import io.segstream.volume.Sequence;
import java.util.Optional;

/**
 * What a series was identified as, and why.
 *
 * @param sequence the sequence, or empty when the series is none the models take
 * @param reason the rule that decided, with the values it looked at
 */
public record Identification(Optional<Sequence> sequence, String reason) {

    static Identification as(Sequence sequence, String reason) {
        return new Identification(Optional.of(sequence), reason);
    }

    static Identification unknown(String reason) {
        return new Identification(Optional.empty(), reason);
    }
}
