package io.segstream.ingest;

import java.net.URI;
import java.util.List;

/**
 * One series announced on {@code dicom.series.ready}, validated against
 * {@code schemas/series-ready.json}.
 *
 * @param eventId the CloudEvent id
 * @param studyInstanceUid Study Instance UID
 * @param seriesInstanceUid Series Instance UID
 * @param modality Modality as the sender knows it; empty when not announced
 * @param instanceCount number of instances announced
 * @param instances the instances as {@code file:} URIs; empty when {@code folder} is given
 * @param folder a folder whose regular files are the instances; null when {@code instances} is
 *     given
 * @param checksumSha256 SHA-256 over the instances concatenated in order, as hex
 */
public record SeriesReadyEvent(
        String eventId,
        String studyInstanceUid,
        String seriesInstanceUid,
        String modality,
        int instanceCount,
        List<URI> instances,
        URI folder,
        String checksumSha256) {

    public SeriesReadyEvent {
        instances = List.copyOf(instances);
    }

    /** Omits UIDs and locations, which are sensitive, so that the record may be logged. */
    @Override
    public String toString() {
        return "SeriesReadyEvent[eventId=" + eventId + ", modality=" + modality
                + ", instanceCount=" + instanceCount + "]";
    }
}
