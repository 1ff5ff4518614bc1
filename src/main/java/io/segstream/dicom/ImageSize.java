package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * How large an image may be, checked from headers before any Pixel Data or volume is allocated,
 * so that a header declaring absurd dimensions costs nothing but its own bytes.
 */
final class ImageSize {

    /**
     * The most voxels one series may have: 512 x 512 x 2048, a 2 GiB float volume. Brain MR is
     * far smaller (a 1 mm isotropic head is about 256 x 256 x 192); anything larger is a header
     * that lies, or a series this worker is not meant for.
     */
    static final long MAXIMUM_VOXELS = 512L * 512 * 2048;

    /** Where Pixel Data is stored as it is, so the file must hold all of it. */
    private static final Set<String> NATIVE = Set.of(TransferSyntax.ImplicitVRLittleEndian,
            TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian);

    /** The smallest encoding of what follows the Pixel Data tag: an implicit VR length. */
    private static final int SMALLEST_LENGTH_FIELD = 4;

    private ImageSize() {}

    /**
     * Native Pixel Data must fit in the bytes after its tag. Compressed and deflated Pixel Data
     * may be smaller than what it decodes to; the voxel limit bounds those.
     */
    static void requireNativePixelDataFits(Path file, AttributeList header, long bytesAfterTag)
            throws StudyFailedException {
        if (!NATIVE.contains(Attributes.string(header, TagFromName.TransferSyntaxUID))) {
            return;
        }
        long needed = pixelDataBytes(header);
        if (bytesAfterTag - SMALLEST_LENGTH_FIELD < needed) {
            throw DicomFiles.malformed(file, String.format(Locale.ROOT, "Rows x Columns x "
                    + "Number of Frames x Samples per Pixel x Bits Allocated declare %d bytes "
                    + "of Pixel Data, but only %d bytes follow the Pixel Data tag: the file is "
                    + "truncated or the header is wrong", needed, bytesAfterTag), null);
        }
    }

    /** The running voxel count of a series must stay within {@link #MAXIMUM_VOXELS}. */
    static void requireWithinLimit(Path file, long seriesVoxels) throws StudyFailedException {
        if (seriesVoxels > MAXIMUM_VOXELS) {
            throw new StudyFailedException(FailureReason.UNSUPPORTED_SERIES, file.getFileName()
                    + ": a series may hold at most " + MAXIMUM_VOXELS + " voxels (512 x 512 x "
                    + "2048), but the slices up to this instance hold " + seriesVoxels
                    + "; send a brain MR series, or check Rows, Columns and Number of Frames");
        }
    }

    private static long pixelDataBytes(AttributeList header) {
        long rows = Math.max(0, Attributes.integer(header, TagFromName.Rows, 0));
        long columns = Math.max(0, Attributes.integer(header, TagFromName.Columns, 0));
        long frames = Math.max(1, Attributes.integer(header, TagFromName.NumberOfFrames, 1));
        long samples = Math.max(0, Attributes.integer(header, TagFromName.SamplesPerPixel, 1));
        long bits = Math.max(0, Attributes.integer(header, TagFromName.BitsAllocated, 0));
        return saturatedProduct(rows, columns, frames, samples, bits) / 8;
    }

    /** The product, or Long.MAX_VALUE where it would overflow: a header may declare anything. */
    static long saturatedProduct(long... factors) {
        long product = 1;
        for (long factor : factors) {
            try {
                product = Math.multiplyExact(product, factor);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return product;
    }
}
