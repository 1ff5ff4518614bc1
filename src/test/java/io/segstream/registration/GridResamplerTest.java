package io.segstream.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import org.junit.jupiter.api.Test;

class GridResamplerTest {

    @Test
    void resamplesALinearRampExactlyOntoAShiftedFinerGrid() {
        Volume coarse = Ramps.linear(Ramps.axial(8, 2.0, new double[] {0, 0, 0}, "1.9"));
        Geometry fine = Ramps.axial(10, 1.0, new double[] {1.5, 2.25, 3.0}, "1.9");

        float[] resampled = GridResampler.resample(coarse, fine);

        assertThat(resampled[fine.index(4, 5, 6)])
                .isCloseTo(Ramps.valueAt(fine.patientPosition(4, 5, 6)), within(1e-3f));
    }

    @Test
    void resamplesThroughTheTransformIntoTheSourceFrame() {
        Volume source = Ramps.linear(Ramps.axial(12, 1.0, new double[] {0, 0, 0}, "1.9"));
        Geometry target = Ramps.axial(6, 1.0, new double[] {2, 2, 2}, "1.8");
        RigidTransform targetToSource = RigidTransform.translation(new double[] {1.5, -0.5, 2});

        float[] resampled = GridResampler.resample(source, target, targetToSource);

        double[] inSource = targetToSource.apply(target.patientPosition(3, 2, 1));
        assertThat(resampled[target.index(3, 2, 1)])
                .isCloseTo(Ramps.valueAt(inSource), within(1e-3f));
    }
}
