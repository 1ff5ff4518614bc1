package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.nio.file.Path;

/**
 * The Image Plane, Image Pixel and Modality LUT attributes of one slice: a classic single-frame
 * image, or one frame of a multi-frame image whose functional groups were flattened into one list
 * (see {@link MultiFrameHeaders}). What it takes to put the slice into a volume.
 *
 * @param file where the instance is, to read its Pixel Data later
 * @param sopInstanceUid SOP Instance UID
 * @param frameNumber the frame of a multi-frame instance, counted from 1, as Referenced Frame
 *     Number names it; 0 for a single-frame instance, whose references name no frame
 * @param position Image Position (Patient)
 * @param orientation Image Orientation (Patient): row direction cosines, then column
 * @param pixelSpacing Pixel Spacing: between rows, then between columns
 * @param rows Rows
 * @param columns Columns
 * @param frameOfReferenceUid Frame of Reference UID
 * @param nominalSliceSpacing Spacing Between Slices, else Slice Thickness, else null; used
 *     only when a series has a single slice, whose spacing the positions cannot tell
 * @param rescaleSlope Rescale Slope, 1 when absent
 * @param rescaleIntercept Rescale Intercept, 0 when absent
 */
record SliceHeader(
        Path file,
        String sopInstanceUid,
        int frameNumber,
        double[] position,
        double[] orientation,
        double[] pixelSpacing,
        int rows,
        int columns,
        String frameOfReferenceUid,
        Double nominalSliceSpacing,
        double rescaleSlope,
        double rescaleIntercept) {

    /** A classic single-frame image. */
    static SliceHeader from(Path file, AttributeList header) throws StudyFailedException {
        return from(file, 0, header);
    }

    /**
     * A slice whose attributes all lie at the top level of {@code header}.
     *
     * @param frameNumber the frame counted from 1, or 0 for a single-frame instance
     */
    static SliceHeader from(Path file, int frameNumber, AttributeList header)
            throws StudyFailedException {
        String place = place(file, frameNumber);
        return new SliceHeader(
                file,
                Attributes.string(header, TagFromName.SOPInstanceUID),
                frameNumber,
                numbers(place, header, TagFromName.ImagePositionPatient,
                        "Image Position (Patient)", 3),
                numbers(place, header, TagFromName.ImageOrientationPatient,
                        "Image Orientation (Patient)", 6),
                pixelSpacing(place, header),
                positive(place, header, TagFromName.Rows, "Rows"),
                positive(place, header, TagFromName.Columns, "Columns"),
                text(place, header, TagFromName.FrameOfReferenceUID, "Frame of Reference UID"),
                nominalSliceSpacing(header),
                rescale(header, TagFromName.RescaleSlope, 1),
                rescale(header, TagFromName.RescaleIntercept, 0));
    }

    /** Where the slice is, for messages: the file name, and the frame of a multi-frame file. */
    String place() {
        return place(file, frameNumber);
    }

    private static String place(Path file, int frameNumber) {
        String name = String.valueOf(file.getFileName());
        return frameNumber == 0 ? name : name + " frame " + frameNumber;
    }

    /** The frame's index in the instance's Pixel Data, counted from 0. */
    int frameIndex() {
        return Math.max(frameNumber, 1) - 1;
    }

    private static double rescale(AttributeList header, AttributeTag tag, double absent) {
        Double value = Attributes.number(header, tag);
        return value == null ? absent : value;
    }

    private static Double nominalSliceSpacing(AttributeList header) {
        Double spacing = Attributes.number(header, TagFromName.SpacingBetweenSlices);
        return spacing != null && spacing > 0
                ? spacing : Attributes.number(header, TagFromName.SliceThickness);
    }

    double[] rowDirection() {
        return new double[] {orientation[0], orientation[1], orientation[2]};
    }

    double[] columnDirection() {
        return new double[] {orientation[3], orientation[4], orientation[5]};
    }

    private static double[] numbers(String place, AttributeList header, AttributeTag tag,
            String name, int count) throws StudyFailedException {
        double[] values = Attributes.numbers(header, tag);
        if (values.length != count) {
            throw missing(place, name + " " + tag + " needs " + count + " numeric values, found "
                    + values.length);
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw missing(place, name + " " + tag + " values must be finite numbers, found "
                        + value);
            }
        }
        return values;
    }

    private static double[] pixelSpacing(String place, AttributeList header)
            throws StudyFailedException {
        double[] spacing = numbers(place, header, TagFromName.PixelSpacing, "Pixel Spacing", 2);
        if (!(spacing[0] > 0) || !(spacing[1] > 0)) {
            throw missing(place, "Pixel Spacing " + TagFromName.PixelSpacing + " must be "
                    + "positive, found " + spacing[0] + " and " + spacing[1] + " mm");
        }
        return spacing;
    }

    private static int positive(String place, AttributeList header, AttributeTag tag, String name)
            throws StudyFailedException {
        int value = Attributes.integer(header, tag, 0);
        if (value < 1) {
            throw missing(place, name + " " + tag + " must be at least 1, found " + value);
        }
        return value;
    }

    private static String text(String place, AttributeList header, AttributeTag tag, String name)
            throws StudyFailedException {
        String value = Attributes.string(header, tag);
        if (value.isEmpty()) {
            throw missing(place, name + " " + tag + " is missing or empty");
        }
        return value;
    }

    private static StudyFailedException missing(String place, String what) {
        return new StudyFailedException(FailureReason.INCONSISTENT_GEOMETRY,
                place + ": " + what + "; the slice cannot be placed in a volume");
    }
}
