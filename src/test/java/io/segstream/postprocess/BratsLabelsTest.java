package io.segstream.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BratsLabelsTest {

    @Test
    void mapsTheMostProbableClassToItsBratsLabel() {
        float[] probabilities = {
            0.7f, 0.1f, 0.1f, 0.1f,
            0.1f, 0.6f, 0.2f, 0.1f,
            0.1f, 0.1f, 0.5f, 0.3f,
            0.1f, 0.1f, 0.2f, 0.6f
        };

        byte[] labels = BratsLabels.fromProbabilities(probabilities, 4);

        assertThat(labels).containsExactly(0, 1, 2, 4);
    }

    @Test
    void regionsAreTheBratsUnionsOfLabels() {
        assertThat(Region.WHOLE_TUMOUR.contains((byte) 2)).isTrue();
        assertThat(Region.TUMOUR_CORE.contains((byte) 2)).isFalse();
        assertThat(Region.TUMOUR_CORE.contains((byte) 1)).isTrue();
        assertThat(Region.TUMOUR_CORE.contains((byte) 4)).isTrue();
        assertThat(Region.ENHANCING_TUMOUR.contains((byte) 1)).isFalse();
        assertThat(Region.ENHANCING_TUMOUR.contains((byte) 4)).isTrue();
    }
}
