package io.segstream.seg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DerivedUidTest {

    @Test
    void isStableLegalAndDistinctPerName() {
        String first = DerivedUid.of("1.2.3", "segstream-unet", "1.0.0", "segmentation-instance");
        String again = DerivedUid.of("1.2.3", "segstream-unet", "1.0.0", "segmentation-instance");
        String other = DerivedUid.of("1.2.3", "segstream-unet", "1.0.1", "segmentation-instance");

        assertThat(first).isEqualTo(again).isNotEqualTo(other);
        assertThat(first).matches("2\\.25\\.(0|[1-9][0-9]*)").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void cieLabOfWhiteIsFullLightnessAndNeutral() {
        int[] white = CieLab.fromRgb(255, 255, 255);

        assertThat(white[0]).isEqualTo(65535);
        assertThat(white[1]).isBetween(32800, 33000);
        assertThat(white[2]).isBetween(32800, 33000);
    }
}
