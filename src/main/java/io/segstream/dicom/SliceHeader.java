package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.nio.file.Path;

/**
 * The Image Plane and Image Pixel attributes of one classic single-frame image: what it takes to
 * put the slice into a volume.
 *
 * @param file where the instance is, to read its Pixel Data later
 * @param sopInstanceUid SOP Instance UID
 * @param position Image Position (Patient)
 * @param orientation Image Orientation (Patient): row direction cosines, then column
 * @param pixelSpacing Pixel Spacing: between rows, then between columns
 * @param rows Rows
 * @param columns Columns
 * @param frameOfReferenceUid Frame of Reference UID
 * @param nominalSliceSpacing Spacing Between Slices, else Slice Thickness, else null; used
 *     only when a series has a single slice, whose spacing the positions cannot tell
 */
record SliceHeader(
        Path file,
        String sopInstanceUid,
        double[] position,
        double[] orientation,
        double[] pixelSpacing,
        int rows,
        int columns,
        String frameOfReferenceUid,
        Double nominalSliceSpacing) {

    static SliceHeader from(Path file, AttributeList header) throws StudyFailedException {
        return new SliceHeader(
                file,
                Attributes.string(header, TagFromName.SOPInstanceUID),
                numbers(file, header, TagFromName.ImagePositionPatient,
                        "Image Position (Patient)", 3),
                numbers(file, header, TagFromName.ImageOrientationPatient,
                        "Image Orientation (Patient)", 6),
                numbers(file, header, TagFromName.PixelSpacing, "Pixel Spacing", 2),
                positive(file, header, TagFromName.Rows, "Rows"),
                positive(file, header, TagFromName.Columns, "Columns"),
                text(file, header, TagFromName.FrameOfReferenceUID, "Frame of Reference UID"),
                nominalSliceSpacing(header));
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

    private static double[] numbers(Path file, AttributeList header, AttributeTag tag,
            String name, int count) throws StudyFailedException {
        double[] values = Attributes.numbers(header, tag);
        if (values.length != count) {
            throw missing(file, name + " " + tag + " needs " + count + " numeric values, found "
                    + values.length);
        }
        return values;
    }

    private static int positive(Path file, AttributeList header, AttributeTag tag, String name)
            throws StudyFailedException {
        int value = Attributes.integer(header, tag, 0);
        if (value < 1) {
            throw missing(file, name + " " + tag + " must be at least 1, found " + value);
        }
        return value;
    }

    private static String text(Path file, AttributeList header, AttributeTag tag, String name)
            throws StudyFailedException {
        String value = Attributes.string(header, tag);
        if (value.isEmpty()) {
            throw missing(file, name + " " + tag + " is missing or empty");
        }
        return value;
    }

    private static StudyFailedException missing(Path file, String what) {
        return new StudyFailedException(FailureReason.INCONSISTENT_GEOMETRY,
                file.getFileName() + ": " + what + "; the slice cannot be placed in a volume");
    }
}
