package io.segstream.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void standardisesVoxelsAboveZeroAndLeavesAirAtZero() {
        float[] voxels = {0, 0, 100, 200, 300};

        float[] out = Normalisation.zScoreAboveZero(voxels);

        double std = Math.sqrt((100.0 * 100 + 0 + 100.0 * 100) / 3);
        assertThat(out[0]).isZero();
        assertThat(out[1]).isZero();
        assertThat((double) out[2]).isCloseTo(-100 / std, within(1e-5));
        assertThat((double) out[3]).isCloseTo(0, within(1e-5));
        assertThat((double) out[4]).isCloseTo(100 / std, within(1e-5));
    }

    @Test
    void anEmptyVolumeStaysZero() {
        assertThat(Normalisation.zScoreAboveZero(new float[] {0, -5})).containsExactly(0, 0);
    }
}
