package io.segstream.dicom;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.seg.CodedConcept;
import io.segstream.seg.SegmentDescription;
import io.segstream.seg.Segmentation;
import io.segstream.volume.Geometry;
import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Rules a {@link Segmentation} must meet before it is encoded against its {@link SourceHeader},
 * each checked up front with a message naming the rule and the value found.
 */
final class SegmentationRules {

    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
    private static final Pattern CODE_STRING = Pattern.compile("[A-Z0-9 _]{1,16}");
    /** Our own text goes out in the default repertoire, whatever the source's character set. */
    private static final Pattern DEFAULT_REPERTOIRE = Pattern.compile("[\\x20-\\x5B\\x5D-\\x7E]+");
    private static final int LONG_STRING = 64;
    private static final int SHORT_STRING = 16;
    /** Slices may deviate from an evenly spaced grid by the reader's tolerance, plus rounding. */
    private static final double SLICE_POSITION_TOLERANCE_MM =
            GeometryTolerance.DEFAULT.positionMm() + 1e-3;
    /** Pixel Data longer than this cannot be encoded with an explicit length. */
    private static final long MAXIMUM_PIXEL_DATA_BYTES = 0xFFFFFFFEL;

    private SegmentationRules() {}

    static void check(Segmentation segmentation, SourceHeader source)
            throws StudyFailedException {
        checkIdentity(segmentation);
        checkSegments(segmentation);
        checkGridMatchesSource(segmentation.geometry(), source);
        checkSourceInstances(segmentation, source);
        checkMasks(segmentation);
    }

    private static void checkIdentity(Segmentation segmentation) throws StudyFailedException {
        uid("SOP Instance UID", segmentation.sopInstanceUid());
        uid("Series Instance UID", segmentation.seriesInstanceUid());
        if (segmentation.seriesNumber() < 0) {
            throw failed("Series Number must not be negative, found "
                    + segmentation.seriesNumber());
        }
        if (!CODE_STRING.matcher(segmentation.contentLabel()).matches()) {
            throw failed("Content Label must be a code string of 1 to 16 upper-case letters, "
                    + "digits, spaces or underscores, found '" + segmentation.contentLabel() + "'");
        }
        text("Segment Algorithm Name", segmentation.algorithmName(), LONG_STRING);
        text("Software Versions (algorithm version)", segmentation.algorithmVersion(),
                LONG_STRING);
    }

    private static void checkSegments(Segmentation segmentation) throws StudyFailedException {
        if (segmentation.segments().isEmpty()) {
            throw failed("a Segmentation needs at least one segment, found none");
        }
        for (SegmentDescription segment : segmentation.segments()) {
            text("Segment Label", segment.segmentLabel(), LONG_STRING);
            code("Segmented Property Category", segment.category());
            code("Segmented Property Type", segment.type());
            int[] lab = segment.recommendedDisplayCieLab();
            if (lab == null || lab.length != 3) {
                throw failed("Recommended Display CIELab Value of segment "
                        + segment.segmentNumber() + " needs 3 values, found "
                        + (lab == null ? "none" : lab.length));
            }
            for (int value : lab) {
                if (value < 0 || value > 0xFFFF) {
                    throw failed("Recommended Display CIELab Value must be 16-bit unsigned, "
                            + "found " + value + " in segment " + segment.segmentNumber());
                }
            }
        }
    }

    private static void checkGridMatchesSource(Geometry geometry, SourceHeader source)
            throws StudyFailedException {
        if (geometry.slices() != source.slices() || geometry.rows() != source.rows()
                || geometry.columns() != source.columns()) {
            throw failed("the Segmentation grid must be the source series' grid, found "
                    + geometry.slices() + "x" + geometry.rows() + "x" + geometry.columns()
                    + " against " + source.slices() + "x" + source.rows() + "x"
                    + source.columns());
        }
        if (!source.frameOfReferenceUid().equals(geometry.frameOfReferenceUid())) {
            throw failed("the Segmentation must share the source's Frame of Reference UID");
        }
        for (int k = 0; k < geometry.slices(); k++) {
            double distance = distance(geometry.slicePosition(k), source.slicePosition(k));
            if (distance > SLICE_POSITION_TOLERANCE_MM) {
                throw failed("slice " + (k + 1) + " of the Segmentation grid lies " + distance
                        + " mm from the source slice it references, tolerance "
                        + SLICE_POSITION_TOLERANCE_MM + " mm");
            }
        }
    }

    private static void checkSourceInstances(Segmentation segmentation, SourceHeader source)
            throws StudyFailedException {
        if (!segmentation.sourceSopInstanceUids().equals(source.sopInstanceUids())) {
            throw failed("the Segmentation must reference the source series' SOP Instance UIDs "
                    + "in slice order; " + segmentation.sourceSopInstanceUids().size()
                    + " given, " + source.slices() + " in the source, or the order differs");
        }
    }

    private static void checkMasks(Segmentation segmentation) throws StudyFailedException {
        int voxels = segmentation.geometry().voxelCount();
        for (int s = 0; s < segmentation.masks().size(); s++) {
            BitSet mask = segmentation.masks().get(s);
            if (mask.length() > voxels) {
                throw failed("mask of segment " + (s + 1) + " sets bit " + (mask.length() - 1)
                        + " beyond the " + voxels + " voxels of the grid");
            }
        }
        long bytes = ((long) segmentation.masks().size() * voxels + 7) / 8;
        if (bytes > MAXIMUM_PIXEL_DATA_BYTES) {
            throw failed("Pixel Data would need " + bytes + " bytes, more than "
                    + MAXIMUM_PIXEL_DATA_BYTES + " can be encoded");
        }
    }

    private static void uid(String name, String value) throws StudyFailedException {
        if (value == null || value.length() > LONG_STRING || !UID.matcher(value).matches()) {
            throw failed(name + " must be a UID (digits and dots, no leading zeros, at most 64 "
                    + "characters), found a value of " + (value == null ? 0 : value.length())
                    + " characters that is not");
        }
    }

    private static void code(String name, CodedConcept concept) throws StudyFailedException {
        if (concept == null) {
            throw failed(name + " Code is missing");
        }
        text(name + " Code Value", concept.codeValue(), SHORT_STRING);
        text(name + " Coding Scheme Designator", concept.codingSchemeDesignator(), SHORT_STRING);
        text(name + " Code Meaning", concept.codeMeaning(), LONG_STRING);
    }

    private static void text(String name, String value, int maximumLength)
            throws StudyFailedException {
        if (value == null || value.length() > maximumLength
                || !DEFAULT_REPERTOIRE.matcher(value).matches()) {
            throw failed(name + " must be 1 to " + maximumLength + " printable ASCII characters "
                    + "without backslash, found '" + value + "'");
        }
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static StudyFailedException failed(String message) {
        return new StudyFailedException(FailureReason.ENCODING_FAILED, message);
    }
}
