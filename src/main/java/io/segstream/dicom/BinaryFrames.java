package io.segstream.dicom;

import java.util.BitSet;
import java.util.List;

/**
 * Packs binary masks into the Pixel Data of a BINARY Segmentation.
 *
 * <p>With Bits Allocated 1, PS3.5 section 8.1.1 packs the frames of a multi-frame image one after
 * the other with no padding between them, so a frame may start in the middle of a byte; the first
 * pixel of each byte is its least significant bit. Only the whole value is padded to an even
 * length. Mask {@code s} occupies the bits from {@code s * voxelsPerMask}, which makes the frames
 * segment-major, slice by slice, in the order of the voxel index.
 */
final class BinaryFrames {

    private BinaryFrames() {}

    static byte[] pack(List<BitSet> masks, int voxelsPerMask) {
        long bits = (long) masks.size() * voxelsPerMask;
        long bytes = (bits + 7) / 8;
        byte[] packed = new byte[Math.toIntExact(bytes + (bytes & 1))];
        for (int s = 0; s < masks.size(); s++) {
            long start = (long) s * voxelsPerMask;
            BitSet mask = masks.get(s);
            for (int i = mask.nextSetBit(0); i >= 0 && i < voxelsPerMask;
                    i = mask.nextSetBit(i + 1)) {
                long bit = start + i;
                packed[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
            }
        }
        return packed;
    }

    /** The bits of frame {@code frame} of {@code pixelsPerFrame} pixels: the inverse of pack. */
    static BitSet unpack(byte[] pixelData, int frame, int pixelsPerFrame) {
        BitSet bits = new BitSet(pixelsPerFrame);
        long start = (long) frame * pixelsPerFrame;
        for (int i = 0; i < pixelsPerFrame; i++) {
            long bit = start + i;
            if ((pixelData[(int) (bit >>> 3)] & (1 << (bit & 7))) != 0) {
                bits.set(i);
            }
        }
        return bits;
    }
}
