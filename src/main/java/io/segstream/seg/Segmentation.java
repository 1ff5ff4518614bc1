package io.segstream.seg;

import io.segstream.volume.Geometry;
import java.util.BitSet;
import java.util.List;

/**
 * A binary segmentation on the reference series' grid, ready to encode as a DICOM SEG.
 *
 * <p>{@code masks.get(i)} belongs to {@code segments.get(i)}; bit {@code geometry.index(s, r, c)}
 * is set where the voxel is inside the segment. Every segment is encoded with one frame per
 * reference slice, empty frames included, so frame {@code k} of a segment always references
 * source slice {@code k}.
 *
 * @param sopInstanceUid SOP Instance UID of the SEG
 * @param seriesInstanceUid Series Instance UID of the SEG
 * @param seriesNumber Series Number of the SEG
 * @param contentLabel Content Label
 * @param algorithmName Segment Algorithm Name
 * @param algorithmVersion model version, written as Software Versions
 * @param geometry the reference series' grid
 * @param sourceSopInstanceUids per reference slice, the SOP Instance UID it came from
 * @param segments the segments, numbered from 1
 * @param masks one mask per segment
 */
public record Segmentation(
        String sopInstanceUid,
        String seriesInstanceUid,
        int seriesNumber,
        String contentLabel,
        String algorithmName,
        String algorithmVersion,
        Geometry geometry,
        List<String> sourceSopInstanceUids,
        List<SegmentDescription> segments,
        List<BitSet> masks) {

    public Segmentation {
        if (segments.size() != masks.size()) {
            throw new IllegalArgumentException(
                    segments.size() + " segments but " + masks.size() + " masks");
        }
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).segmentNumber() != i + 1) {
                throw new IllegalArgumentException("segment numbers must run from 1 by 1, found "
                        + segments.get(i).segmentNumber() + " at position " + (i + 1));
            }
        }
        sourceSopInstanceUids = List.copyOf(sourceSopInstanceUids);
        segments = List.copyOf(segments);
        masks = List.copyOf(masks);
    }
}
