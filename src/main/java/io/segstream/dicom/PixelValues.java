package io.segstream.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.nio.file.Path;

/** Turns the stored values of one grayscale frame into modality values (rescale applied). */
final class PixelValues {

    private PixelValues() {}

    /**
     * Writes {@code rows * columns} modality values of the single frame in {@code image} into
     * {@code voxels} from {@code offset}.
     */
    static void decodeInto(Path file, AttributeList image, float[] voxels, int offset, int count)
            throws StudyFailedException {
        int samplesPerPixel = Attributes.integer(image, TagFromName.SamplesPerPixel, 1);
        int bitsAllocated = Attributes.integer(image, TagFromName.BitsAllocated, 0);
        if (samplesPerPixel != 1 || (bitsAllocated != 8 && bitsAllocated != 16)) {
            throw new StudyFailedException(FailureReason.UNSUPPORTED_SERIES, file.getFileName()
                    + ": only grayscale images (Samples per Pixel 1) of 8 or 16 Bits Allocated "
                    + "are supported, found Samples per Pixel " + samplesPerPixel
                    + " and Bits Allocated " + bitsAllocated);
        }
        int[] stored = storedValues(file, image, bitsAllocated, count);
        double slope = rescale(image, TagFromName.RescaleSlope, 1);
        double intercept = rescale(image, TagFromName.RescaleIntercept, 0);
        for (int i = 0; i < count; i++) {
            voxels[offset + i] = (float) (stored[i] * slope + intercept);
        }
    }

    private static int[] storedValues(Path file, AttributeList image, int bitsAllocated,
            int count) throws StudyFailedException {
        Attribute pixelData = image.getPixelData();
        if (pixelData == null) {
            throw malformed(file, "an image without Pixel Data (7FE0,0010)");
        }
        int bitsStored = Attributes.integer(image, TagFromName.BitsStored, bitsAllocated);
        boolean signed = Attributes.integer(image, TagFromName.PixelRepresentation, 0) == 1;
        try {
            int[] raw = bitsAllocated == 16
                    ? widen(pixelData.getShortValues())
                    : widen(pixelData.getByteValues());
            if (raw.length < count) {
                throw malformed(file, "Pixel Data holds " + raw.length + " values, Rows x Columns "
                        + "needs " + count);
            }
            return storedBits(raw, count, bitsStored, signed);
        } catch (DicomException e) {
            throw malformed(file, "Pixel Data cannot be read: " + e.getMessage());
        }
    }

    /**
     * Keeps the low Bits Stored bits, sign-extended when Pixel Representation is 1; older
     * scanners put overlays in the unused high bits.
     */
    private static int[] storedBits(int[] raw, int count, int bitsStored, boolean signed) {
        int unused = 32 - bitsStored;
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            int shifted = raw[i] << unused;
            values[i] = signed ? shifted >> unused : shifted >>> unused;
        }
        return values;
    }

    private static int[] widen(short[] values) {
        int[] wide = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i] & 0xFFFF;
        }
        return wide;
    }

    private static int[] widen(byte[] values) {
        int[] wide = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i] & 0xFF;
        }
        return wide;
    }

    private static double rescale(AttributeList image, com.pixelmed.dicom.AttributeTag tag,
            double absent) {
        Double value = Attributes.number(image, tag);
        return value == null ? absent : value;
    }

    private static StudyFailedException malformed(Path file, String what) {
        return new StudyFailedException(FailureReason.MALFORMED_DICOM,
                file.getFileName() + ": " + what);
    }
}
