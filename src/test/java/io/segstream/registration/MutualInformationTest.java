package io.segstream.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MutualInformationTest {

    private static final Volume HEAD = SyntheticHeads.head(48, 2.0, "2.25.1");

    private static MutualInformation ofHeadAgainstItself() {
        return MutualInformation.sampled(HEAD, HEAD, 32, 0.2, 1);
    }

    @ParameterizedTest(name = "turned {0}/{1}/{2} deg, moved {3}/{4}/{5} mm")
    @CsvSource({
        "0, 0, 0, 0.5, 0, 0", "0, 0, 0, 0, 2, 0", "0, 0, 0, 0, 0, -5", "3, 0, 0, 0, 0, 0",
        "0, -3, 0, 0, 0, 0", "0, 0, 8, 1, 1, 1"})
    void isLargestAtIdentityForAnImageAgainstItself(double ax, double ay, double az, double tx,
            double ty, double tz) {
        MutualInformation measure = ofHeadAgainstItself();
        RigidTransform misaligned = RigidTransform.about(new double[3],
                new double[] {Math.toRadians(ax), Math.toRadians(ay), Math.toRadians(az)},
                new double[] {tx, ty, tz});

        double atIdentity = measure.at(RigidTransform.identity()).mutualInformation();
        double atMisaligned = measure.at(misaligned).mutualInformation();

        assertThat(atIdentity).isGreaterThan(atMisaligned);
    }

    @Test
    void normalisedMeasureIsBetweenOneAndTwo() {
        MutualInformation measure = ofHeadAgainstItself();

        double normalised = measure.at(RigidTransform.identity()).normalised();

        assertThat(normalised).isBetween(1.0, 2.0);
    }

    @Test
    void drawsTheSameSamplesForTheSameSeed() {
        RigidTransform shifted = RigidTransform.translation(new double[] {1.3, -0.7, 2.1});

        double first = ofHeadAgainstItself().at(shifted).mutualInformation();
        double second = ofHeadAgainstItself().at(shifted).mutualInformation();

        assertThat(second).isEqualTo(first);
    }
}
