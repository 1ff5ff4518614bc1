package io.segstream.dicom;

import com.pixelmed.dicom.TransferSyntax;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The Transfer Syntaxes whose Pixel Data this package decodes, checked from the header before
 * any Pixel Data is read, and the image readers PixelMed needs for the compressed ones.
 *
 * <p>PixelMed decodes native (uncompressed), deflated and RLE Pixel Data itself and hands JPEG
 * Lossless to the pixelmed-imageio reader and JPEG 2000 to jai-imageio's, both found through
 * Image I/O. JPEG-LS has no Java reader here, so such a series fails up front with a message
 * that says what to ask the sender for.
 */
final class TransferSyntaxes {

    static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";

    /**
     * Each is decoded in a test to the voxels of the same image in Explicit VR Little Endian,
     * except JPEG 2000 (lossy), which goes through the same reader as JPEG 2000 Lossless.
     */
    static final Set<String> DECODED = Set.of(
            TransferSyntax.ImplicitVRLittleEndian,
            TransferSyntax.ExplicitVRLittleEndian,
            TransferSyntax.ExplicitVRBigEndian,
            TransferSyntax.DeflatedExplicitVRLittleEndian,
            TransferSyntax.RLE,
            TransferSyntax.JPEGLossless,
            TransferSyntax.JPEGLosslessSV1,
            TransferSyntax.JPEG2000Lossless,
            TransferSyntax.JPEG2000);

    private static final String WHAT_TO_DO = "ask the sender (PACS) for the series in Explicit "
            + "VR Little Endian (" + TransferSyntax.ExplicitVRLittleEndian + ") or JPEG Lossless "
            + "(" + TransferSyntax.JPEGLosslessSV1 + ")";

    private TransferSyntaxes() {}

    static void requireDecodable(Path file, String transferSyntaxUid)
            throws StudyFailedException {
        if (DECODED.contains(transferSyntaxUid)) {
            return;
        }
        throw new StudyFailedException(FailureReason.UNSUPPORTED_TRANSFER_SYNTAX,
                file.getFileName() + ": Pixel Data in Transfer Syntax " + transferSyntaxUid
                        + " (" + name(transferSyntaxUid) + ") cannot be decoded here; "
                        + WHAT_TO_DO);
    }

    /** The message tail for a decoder that failed on a syntax it should have decoded. */
    static String whatToDo() {
        return WHAT_TO_DO;
    }

    /**
     * Registers every Image I/O reader on this package's class path with the JVM-wide registry.
     *
     * <p>Image I/O scans for plugins with the context class loader of whichever thread first uses
     * it; under Quarkus that need not be the loader that holds the codec jars, and then PixelMed
     * finds no reader. Registering with this class's own loader does not depend on that. Safe to
     * call more than once: the registry keeps one provider per class.
     */
    static void registerImageReaders() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        for (ImageReaderSpi reader : ServiceLoader.load(ImageReaderSpi.class,
                TransferSyntaxes.class.getClassLoader())) {
            registry.registerServiceProvider(reader, ImageReaderSpi.class);
        }
    }

    private static String name(String transferSyntaxUid) {
        if (JPEG_LS_LOSSLESS.equals(transferSyntaxUid)
                || JPEG_LS_NEAR_LOSSLESS.equals(transferSyntaxUid)) {
            return "JPEG-LS, which no Java decoder available to segstream reads";
        }
        String description = new TransferSyntax(transferSyntaxUid).getDescription();
        return description == null || description.isBlank() ? "unknown" : description;
    }
}
