package io.segstream.dicom;

import com.pixelmed.dicom.TransferSyntax;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Walks the data element headers of a Part 10 file, skipping their values, before PixelMed
 * parses it: every header must be whole, every VR a VR of PS3.5, every value length must fit in
 * the file, and an undefined length may only open a sequence, an item or encapsulated Pixel
 * Data.
 *
 * <p>Stricter than PixelMed, which guesses a VR it does not know, and allocates an array of
 * whatever length a header declares before finding out that the file is shorter: a 10 KB file
 * may otherwise cost gigabytes. Odd value lengths and a wrong File Meta Information Group Length
 * are tolerated, as most toolkits do, because they leave the content intact.
 *
 * <p>A Deflated dataset, or one in a Transfer Syntax not decoded here, is not walked: its bytes
 * are no element headers, and the Transfer Syntax check fails the latter anyway.
 */
final class EncodingCheck {

    static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final int ITEM_GROUP = 0xFFFE;
    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int TRANSFER_SYNTAX_UID = 0x00020010;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    /** VRs whose explicit encoding has two reserved bytes and a 4-byte length (PS3.5 7.1.2). */
    private static final Set<String> LONG_LENGTH_VRS = Set.of("OB", "OD", "OF", "OL", "OV",
            "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final Set<String> SHORT_LENGTH_VRS = Set.of("AE", "AS", "AT", "CS", "DA",
            "DS", "DT", "FD", "FL", "IS", "LO", "LT", "PN", "SH", "SL", "SS", "ST", "TM", "UI",
            "UL", "US");
    private static final Set<String> WALKED = Set.of(TransferSyntax.ImplicitVRLittleEndian,
            TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian,
            TransferSyntax.RLE, TransferSyntax.JPEGLossless, TransferSyntax.JPEGLosslessSV1,
            TransferSyntax.JPEG2000Lossless, TransferSyntax.JPEG2000);

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer header = ByteBuffer.allocate(12);
    private boolean meta = true;
    private boolean explicit = true;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private String transferSyntaxUid = "";
    private boolean inEncapsulatedPixelData;
    private boolean done;

    private EncodingCheck(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    /** Walks {@code file}, whose 132-byte preamble and prefix have been checked. */
    static void require(Path file, long start) throws StudyFailedException {
        try (FileChannel channel = FileChannel.open(file)) {
            new EncodingCheck(file, channel).walk(start);
        } catch (IOException e) {
            throw new StudyFailedException(FailureReason.INSTANCE_UNREADABLE,
                    "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private void walk(long start) throws IOException, StudyFailedException {
        long position = start;
        while (position < size && !done) {
            if (meta && group(position) != 0x0002) {
                requireTransferSyntax(position);
                enterDataset();
            }
            if (!done) {
                position = next(position);
            }
        }
    }

    /**
     * PS3.10 makes the Transfer Syntax UID a Type 1 element of File Meta Information. Without it
     * the dataset cannot be walked, and PixelMed would parse it with a guessed encoding; a meta
     * element whose odd length shifts the next header out of group 0002 ends up here too.
     */
    private void requireTransferSyntax(long position) throws IOException, StudyFailedException {
        if (transferSyntaxUid.isEmpty()) {
            read(position, 4);
            int tag = (Short.toUnsignedInt(header.getShort(0)) << 16)
                    | Short.toUnsignedInt(header.getShort(2));
            throw malformed(position, tag, "ends File Meta Information (group 0002) before"
                    + " its Transfer Syntax UID (0002,0010)");
        }
    }

    /** Switches from File Meta Information (Explicit VR Little Endian) to the dataset's. */
    private void enterDataset() {
        meta = false;
        explicit = !TransferSyntax.ImplicitVRLittleEndian.equals(transferSyntaxUid);
        order = TransferSyntax.ExplicitVRBigEndian.equals(transferSyntaxUid)
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        done = !WALKED.contains(transferSyntaxUid);
    }

    /** Checks the element at {@code position} and returns where the next one starts. */
    private long next(long position) throws IOException, StudyFailedException {
        read(position, 8);
        int tag = (Short.toUnsignedInt(header.getShort(0)) << 16)
                | Short.toUnsignedInt(header.getShort(2));
        if (tag >>> 16 == ITEM_GROUP) {
            return item(position, tag, Integer.toUnsignedLong(header.getInt(4)));
        }
        if (inEncapsulatedPixelData) {
            throw malformed(position, tag, "encapsulated Pixel Data must hold only items and "
                    + "a Sequence Delimitation Item");
        }
        if (!explicit) {
            return value(position, tag, "", 8, Integer.toUnsignedLong(header.getInt(4)));
        }
        String vr = new String(new byte[] {header.get(4), header.get(5)},
                StandardCharsets.ISO_8859_1);
        if (SHORT_LENGTH_VRS.contains(vr)) {
            return value(position, tag, vr, 8, Short.toUnsignedInt(header.getShort(6)));
        }
        if (!LONG_LENGTH_VRS.contains(vr)) {
            throw malformed(position, tag, "VR bytes " + hex(header.get(4)) + " "
                    + hex(header.get(5)) + " are no VR of PS3.5 6.2");
        }
        read(position, 12);
        return value(position, tag, vr, 12, Integer.toUnsignedLong(header.getInt(8)));
    }

    private long item(long position, int tag, long length) throws StudyFailedException {
        if (tag == SEQUENCE_DELIMITATION) {
            inEncapsulatedPixelData = false;
            return position + 8;
        }
        if (inEncapsulatedPixelData || length != UNDEFINED_LENGTH) {
            requireFits(position, tag, 8, length);
        }
        // A fragment's bytes are no elements; an item's are, so the walk goes into it.
        return inEncapsulatedPixelData ? position + 8 + length : position + 8;
    }

    private long value(long position, int tag, String vr, int headerLength, long length)
            throws IOException, StudyFailedException {
        if (meta && tag == TRANSFER_SYNTAX_UID) {
            transferSyntaxUid = string(position + headerLength, length);
        }
        if (length != UNDEFINED_LENGTH) {
            requireFits(position, tag, headerLength, length);
            return "SQ".equals(vr) ? position + headerLength : position + headerLength + length;
        }
        if (tag == PIXEL_DATA) {
            requireEncapsulated(position, tag);
            inEncapsulatedPixelData = true;
        } else if ("UN".equals(vr)) {
            // Its items are in Implicit VR whatever the dataset's encoding (PS3.5 6.2.2).
            done = true;
        } else if (!vr.isEmpty() && !"SQ".equals(vr)) {
            throw malformed(position, tag, "an undefined length is allowed only for a sequence "
                    + "or encapsulated Pixel Data, found VR " + vr);
        }
        return position + headerLength;
    }

    private void requireEncapsulated(long position, int tag) throws StudyFailedException {
        if (!new TransferSyntax(transferSyntaxUid).isEncapsulated()) {
            throw malformed(position, tag, "has an undefined length, which needs an "
                    + "encapsulated (compressed) Transfer Syntax, found " + transferSyntaxUid);
        }
    }

    private void requireFits(long position, int tag, int headerLength, long length)
            throws StudyFailedException {
        long remaining = size - position - headerLength;
        if (length > remaining) {
            throw malformed(position, tag, "declares a value of " + length + " bytes but only "
                    + Math.max(remaining, 0) + " bytes remain: the file is truncated or the "
                    + "length is wrong");
        }
    }

    private int group(long position) throws IOException, StudyFailedException {
        read(position, 8);
        return Short.toUnsignedInt(header.getShort(0));
    }

    private String string(long position, long length) throws IOException, StudyFailedException {
        if (length > 64 || position + length > size) {
            return "";
        }
        ByteBuffer value = ByteBuffer.allocate((int) length);
        channel.read(value, position);
        return new String(value.array(), StandardCharsets.US_ASCII).replace("\0", "").trim();
    }

    /** Reads {@code count} header bytes at {@code position}, in the current byte order. */
    private void read(long position, int count) throws IOException, StudyFailedException {
        if (position + count > size) {
            throw new StudyFailedException(FailureReason.MALFORMED_DICOM, file.getFileName()
                    + ": the data element header at byte " + position + " is cut off by the "
                    + "end of the file (" + size + " bytes): the file is truncated or corrupt");
        }
        header.clear().limit(count);
        while (header.hasRemaining() && channel.read(header, position + header.position()) > 0) {
            // Reads until the header is whole; the size check above says it can be.
        }
        header.order(meta ? ByteOrder.LITTLE_ENDIAN : order);
    }

    private StudyFailedException malformed(long position, int tag, String what) {
        return new StudyFailedException(FailureReason.MALFORMED_DICOM, String.format(
                Locale.ROOT, "%s: data element (%04X,%04X) at byte %d %s",
                file.getFileName(), tag >>> 16, tag & 0xFFFF, position, what));
    }

    private static String hex(byte b) {
        return String.format(Locale.ROOT, "0x%02X", b);
    }
}
