package io.segstream.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryFramesTest {

    @Test
    void packsFramesWithoutPaddingBetweenThemFirstPixelInTheLeastSignificantBit() {
        BitSet first = new BitSet();
        first.set(0);
        first.set(14);
        BitSet second = new BitSet();
        second.set(0);
        second.set(9);

        byte[] packed = BinaryFrames.pack(List.of(first, second), 15);

        // bits 0 and 14 of frame 1, then bits 15 + 0 and 15 + 9 = 24 of frame 2
        assertThat(packed).containsExactly(0b0000_0001, 0b1100_0000, 0, 0b0000_0001);
    }

    @Test
    void padsTheWholeValueToAnEvenLength() {
        byte[] packed = BinaryFrames.pack(List.of(new BitSet()), 9);

        assertThat(packed).hasSize(2);
    }

    @Test
    void unpacksEachFrameAsItWasPackedWhateverItsFrameSize() {
        BitSet mask = new BitSet();
        mask.set(3, 40);
        mask.set(44);

        byte[] packed = BinaryFrames.pack(List.of(new BitSet(), mask), 45);

        assertThat(BinaryFrames.unpack(packed, 0, 15)).isEqualTo(new BitSet());
        assertThat(BinaryFrames.unpack(packed, 1, 45)).isEqualTo(mask);
        assertThat(BinaryFrames.unpack(packed, 5, 15)).isEqualTo(mask.get(30, 45));
    }
}
