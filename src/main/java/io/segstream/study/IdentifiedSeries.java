package io.segstream.study;

import io.segstream.dicom.SeriesAttributes;
import io.segstream.ingest.SeriesReadyEvent;
import io.segstream.volume.Sequence;
import java.nio.file.Path;
import java.util.List;

/**
 * A series whose instances were located and verified and whose sequence was identified.
 *
 * @param event the event that announced it
 * @param instances its files, verified against the announced count and checksum
 * @param attributes the identifying attributes of its first instance
 * @param sequence the sequence it was identified as
 * @param reason why it was identified so, in words, for debug logs and failure messages
 */
public record IdentifiedSeries(
        SeriesReadyEvent event,
        List<Path> instances,
        SeriesAttributes attributes,
        Sequence sequence,
        String reason) {

    public IdentifiedSeries {
        instances = List.copyOf(instances);
    }

    /** Omits UIDs and paths, which are sensitive, so that the record may be logged. */
    @Override
    public String toString() {
        return "IdentifiedSeries[sequence=" + sequence + ", instances=" + instances.size()
                + ", reason=" + reason + "]";
    }
}
