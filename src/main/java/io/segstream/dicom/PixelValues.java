package io.segstream.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.nio.file.Path;

/**
 * The stored values of the grayscale frames of one image, turned frame by frame into modality
 * values (rescale applied) straight into a volume.
 *
 * <p>Holds PixelMed's decoded Pixel Data array as it is and converts one pixel at a time, so
 * that no widened copy of a whole multi-frame image is ever made.
 */
final class PixelValues {

    private final short[] words;
    private final byte[] bytes;
    private final int bitsStored;
    private final boolean signed;

    private PixelValues(short[] words, byte[] bytes, int bitsStored, boolean signed) {
        this.words = words;
        this.bytes = bytes;
        this.bitsStored = bitsStored;
        this.signed = signed;
    }

    /** The Pixel Data of {@code image}, which must hold {@code frames} frames of {@code count}. */
    static PixelValues of(Path file, AttributeList image, int frames, int count)
            throws StudyFailedException {
        String name = String.valueOf(file.getFileName());
        requireGrayscale(file, image);
        int bitsAllocated = Attributes.integer(image, TagFromName.BitsAllocated, 0);
        Attribute pixelData = image.getPixelData();
        if (pixelData == null) {
            throw malformed(name, "an image without Pixel Data (7FE0,0010)");
        }
        int bitsStored = Attributes.integer(image, TagFromName.BitsStored, bitsAllocated);
        boolean signed = Attributes.integer(image, TagFromName.PixelRepresentation, 0) == 1;
        PixelValues values;
        try {
            values = bitsAllocated == 16
                    ? new PixelValues(pixelData.getShortValues(), null, bitsStored, signed)
                    : new PixelValues(null, pixelData.getByteValues(), bitsStored, signed);
        } catch (DicomException e) {
            throw malformed(name, "Pixel Data cannot be read: " + e.getMessage());
        }
        long needed = (long) frames * count;
        if (values.length() < needed) {
            throw malformed(name, "Pixel Data holds " + values.length() + " values, " + frames
                    + " frame(s) of Rows x Columns need " + needed);
        }
        return values;
    }

    /** Checked from the header too, so that no Pixel Data of another kind is ever read. */
    static void requireGrayscale(Path file, AttributeList image) throws StudyFailedException {
        int samplesPerPixel = Attributes.integer(image, TagFromName.SamplesPerPixel, 1);
        int bitsAllocated = Attributes.integer(image, TagFromName.BitsAllocated, 0);
        if (samplesPerPixel != 1 || (bitsAllocated != 8 && bitsAllocated != 16)) {
            throw new StudyFailedException(FailureReason.UNSUPPORTED_SERIES, file.getFileName()
                    + ": only grayscale images (Samples per Pixel 1) of 8 or 16 Bits Allocated "
                    + "are supported, found Samples per Pixel " + samplesPerPixel
                    + " and Bits Allocated " + bitsAllocated);
        }
    }

    /**
     * Writes the {@code count} modality values of frame {@code frameIndex} (from 0) into
     * {@code voxels} from {@code offset}.
     */
    void decodeFrameInto(int frameIndex, double slope, double intercept, float[] voxels,
            int offset, int count) {
        long first = (long) frameIndex * count;
        // Keeps the low Bits Stored bits, sign-extended when Pixel Representation is 1: older
        // scanners put overlays in the unused high bits.
        int unused = 32 - bitsStored;
        for (int i = 0; i < count; i++) {
            int shifted = raw(Math.toIntExact(first + i)) << unused;
            int stored = signed ? shifted >> unused : shifted >>> unused;
            voxels[offset + i] = (float) (stored * slope + intercept);
        }
    }

    private int raw(int index) {
        return words != null ? words[index] & 0xFFFF : bytes[index] & 0xFF;
    }

    private long length() {
        return words != null ? words.length : bytes.length;
    }

    private static StudyFailedException malformed(String file, String what) {
        return new StudyFailedException(FailureReason.MALFORMED_DICOM, file + ": " + what);
    }
}
