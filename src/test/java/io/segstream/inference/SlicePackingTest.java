package io.segstream.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlicePackingTest {

    @Test
    void packsChannelsLastAndPadsWithZeros() {
        float[][] channels = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {-1, -2, -3, -4, -5, -6,
            -7, -8, -9, -10, -11, -12}};

        float[] packed = SlicePacking.pack(channels, 1, 2, 3, 4, 4);

        assertThat(packed).hasSize(4 * 4 * 2);
        assertThat(packed[0]).isEqualTo(7f);
        assertThat(packed[1]).isEqualTo(-7f);
        assertThat(packed[(1 * 4 + 2) * 2]).isEqualTo(12f);
        assertThat(packed[(0 * 4 + 3) * 2]).isEqualTo(0f);
        assertThat(packed[(3 * 4 + 0) * 2]).isEqualTo(0f);
    }

    @Test
    void unpackDropsThePaddingAndKeepsClassesLast() {
        int classes = 2;
        float[] output = new float[4 * 4 * classes];
        for (int i = 0; i < output.length; i++) {
            output[i] = i;
        }
        float[] volume = new float[2 * 2 * 3 * classes];

        SlicePacking.unpack(output, volume, 1, 2, 3, 4, classes);

        int firstOfSliceOne = 2 * 3 * classes;
        assertThat(volume[firstOfSliceOne]).isEqualTo(0f);
        assertThat(volume[firstOfSliceOne + 3 * classes]).isEqualTo(4 * classes);
        assertThat(volume[firstOfSliceOne + 5 * classes + 1]).isEqualTo((4 + 2) * classes + 1);
    }
}
