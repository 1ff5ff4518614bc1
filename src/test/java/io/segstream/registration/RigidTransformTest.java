package io.segstream.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RigidTransformTest {

    private static final double[] CENTRE = {12, -30, 45};
    private static final double[] POINT = {-40, 25, 70};

    private static RigidTransform motion(double ax, double ay, double az, double tx, double ty,
            double tz) {
        return RigidTransform.about(CENTRE,
                new double[] {Math.toRadians(ax), Math.toRadians(ay), Math.toRadians(az)},
                new double[] {tx, ty, tz});
    }

    @Test
    void rotatesAboutItsCentreAndThenTranslates() {
        RigidTransform quarterTurnAboutZ = motion(0, 0, 90, 1, 2, 3);

        double[] moved = quarterTurnAboutZ.apply(new double[] {CENTRE[0] + 10, CENTRE[1],
            CENTRE[2]});

        assertThat(moved).containsExactly(
                new double[] {CENTRE[0] + 1, CENTRE[1] + 10 + 2, CENTRE[2] + 3}, within(1e-9));
    }

    @Test
    void inverseUndoesTheTransform() {
        RigidTransform transform = motion(7, -4, 9, 15, -8, 3);

        double[] back = transform.inverse().apply(transform.apply(POINT));

        assertThat(back).containsExactly(POINT, within(1e-9));
    }

    @Test
    void thenAppliesThisTransformFirst() {
        RigidTransform first = motion(10, 0, -5, 3, 0, 0);
        RigidTransform second = motion(0, 8, 2, 0, -4, 6);

        double[] composed = first.then(second).apply(POINT);

        assertThat(composed).containsExactly(second.apply(first.apply(POINT)), within(1e-9));
    }

    @Test
    void reportsTheParametersItWasBuiltFrom() {
        RigidTransform transform = motion(6, -9, 3, 20, -11, 4);

        double[] angles = transform.anglesRadians();
        double[] translation = transform.translationAbout(CENTRE);

        assertThat(angles).containsExactly(new double[] {Math.toRadians(6), Math.toRadians(-9),
            Math.toRadians(3)}, within(1e-12));
        assertThat(translation).containsExactly(new double[] {20, -11, 4}, within(1e-9));
    }

    @Test
    void largestDisplacementOfATranslationIsItsLength() {
        RigidTransform translation = RigidTransform.translation(new double[] {3, 4, 0});

        double displacement = translation.largestDisplacementMm(CENTRE, 80);

        assertThat(displacement).isCloseTo(5, within(1e-9));
    }
}
