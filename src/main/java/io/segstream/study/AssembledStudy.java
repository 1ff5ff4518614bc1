package io.segstream.study;

import io.segstream.volume.Sequence;
import java.util.Map;

/**
 * A study with every required sequence identified, ready to be segmented.
 *
 * @param correlationId short hash of the Study Instance UID, for logs
 * @param studyInstanceUid Study Instance UID
 * @param series one series per sequence
 */
public record AssembledStudy(
        String correlationId, String studyInstanceUid, Map<Sequence, IdentifiedSeries> series) {

    public AssembledStudy {
        series = Map.copyOf(series);
    }

    /** Omits the Study Instance UID, which is sensitive, so that the record may be logged. */
    @Override
    public String toString() {
        return "AssembledStudy[correlationId=" + correlationId + ", sequences=" + series.keySet()
                + "]";
    }
}
