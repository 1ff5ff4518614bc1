package io.segstream.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.volume.Sequence;
import io.segstream.volume.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bar of issue #4: T2 of the sample study, moved by a known rigid motion (up to 10 degrees
 * and 20 mm per axis) into another Frame of Reference, registers back onto T1c with a target
 * registration error under 1 mm over the brain. Both series are averaged to 2 mm for speed;
 * the error is measured in patient millimetres at 1 mm brain voxels.
 */
class RigidRegistrationAccuracyTest {

    private static final double MAX_DEGREES = 10;
    private static final double MAX_MM = 20;

    private static Volume t1c;
    private static Volume t2;
    private static List<double[]> brain;

    @BeforeAll
    static void loadSampleStudy() {
        t1c = SampleStudies.volume(Sequence.T1C, SampleStudies.REFERENCE_FRAME, 2);
        t2 = SampleStudies.volume(Sequence.T2, SampleStudies.REFERENCE_FRAME, 2);
        brain = SampleStudies.brainPoints(4);
    }

    static Stream<Arguments> motions() {
        List<Arguments> motions = new ArrayList<>();
        motions.add(Arguments.of("corner +", new double[] {10, 10, 10}, new double[] {20, 20, 20}));
        motions.add(Arguments.of("corner -+", new double[] {-10, 10, -10},
                new double[] {-20, 20, -20}));
        motions.add(Arguments.of("corner +-", new double[] {10, -10, 10},
                new double[] {-20, -20, 20}));
        motions.add(Arguments.of("corner -", new double[] {-10, -10, -10},
                new double[] {-20, -20, -20}));
        Random random = new Random(4);
        for (int i = 1; i <= 5; i++) {
            motions.add(Arguments.of("seeded " + i, uniform(random, MAX_DEGREES),
                    uniform(random, MAX_MM)));
        }
        return motions.stream();
    }

    private static double[] uniform(Random random, double bound) {
        return new double[] {(2 * random.nextDouble() - 1) * bound,
            (2 * random.nextDouble() - 1) * bound, (2 * random.nextDouble() - 1) * bound};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("motions")
    void recoversAKnownMotionOfT2OntoT1cWithinOneMillimetre(String name, double[] degrees,
            double[] translationMm) {
        RigidTransform truth = RigidTransform.about(SampleStudies.gridCentre(t1c),
                new double[] {Math.toRadians(degrees[0]), Math.toRadians(degrees[1]),
                    Math.toRadians(degrees[2])}, translationMm);
        Volume moving = SampleStudies.moved(t2, truth, "2.25.101");
        RigidRegistration registration = new RigidRegistration(TestConfigs.defaults());

        RigidRegistration.Alignment found = registration.register(t1c, moving,
                RigidRegistration.centresAligned(t1c, moving));

        double[] error = targetRegistrationError(truth, found.fixedToMoving());
        report(name, degrees, translationMm, error, found.quality());
        assertThat(error[0]).as("mean TRE (mm)").isLessThan(1.0);
        assertThat(error[1]).as("max TRE (mm)").isLessThan(1.0);
    }

    /** Mean and largest distance between where the truth and the found transform put a point. */
    private static double[] targetRegistrationError(RigidTransform truth, RigidTransform found) {
        double sum = 0;
        double max = 0;
        for (double[] p : brain) {
            double[] a = truth.apply(p);
            double[] b = found.apply(p);
            double d = Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
                    + (a[2] - b[2]) * (a[2] - b[2]));
            sum += d;
            max = Math.max(max, d);
        }
        return new double[] {sum / brain.size(), max};
    }

    private static void report(String name, double[] degrees, double[] translationMm,
            double[] error, RegistrationQuality quality) {
        System.out.printf(Locale.ROOT, "TRE %-10s angles %6.2f %6.2f %6.2f deg, translation "
                        + "%6.2f %6.2f %6.2f mm: mean %.3f max %.3f mm, MI %.3f NMI %.4f, "
                        + "%d iterations, %d evaluations, converged %s, %d ms%n",
                name, degrees[0], degrees[1], degrees[2], translationMm[0], translationMm[1],
                translationMm[2], error[0], error[1], quality.mutualInformation(),
                quality.normalisedMutualInformation(), quality.iterations(),
                quality.evaluations(), quality.converged(), quality.elapsed().toMillis());
    }
}
