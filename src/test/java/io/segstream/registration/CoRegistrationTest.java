package io.segstream.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.volume.Geometry;
import io.segstream.volume.Sequence;
import io.segstream.volume.Volume;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class CoRegistrationTest {

    private static final String FRAME = SampleStudies.REFERENCE_FRAME;

    private static Volume sample(Sequence sequence) {
        return SampleStudies.volume(sequence, FRAME, 4);
    }

    private static RigidTransform motion(double degrees, double millimetres) {
        double angle = Math.toRadians(degrees);
        return RigidTransform.about(SampleStudies.gridCentre(sample(Sequence.T1C)),
                new double[] {angle, -angle, angle},
                new double[] {millimetres, -millimetres, millimetres});
    }

    /** How far {@code found} misplaces the head, given the motion that really happened. */
    private static double headError(RigidTransform truth, RigidTransform found) {
        Volume reference = sample(Sequence.T1C);
        HeadExtent head = HeadExtent.of(reference);
        return truth.then(found.inverse()).largestDisplacementMm(head.centre(), head.radiusMm());
    }

    @Test
    void copiesTheVoxelsWhenTheSeriesIsAlreadyOnTheReferenceGrid() throws Exception {
        Volume volume = Ramps.linear(Ramps.axial(4, 1.0, new double[] {0, 0, 0}, "1.9"));
        CoRegistration coRegistration =
                new CoRegistration(TestConfigs.with("check-alignment", "false"));

        RegistrationOutcome outcome = coRegistration.onto(volume, volume);

        assertThat(outcome.method()).isEqualTo(RegistrationMethod.SAME_GRID);
        assertThat(outcome.voxels()).isSameAs(volume.voxels());
    }

    @Test
    void resamplesThroughPatientCoordinatesWithinOneFrameOfReference() throws Exception {
        Volume coarse = Ramps.linear(Ramps.axial(8, 2.0, new double[] {0, 0, 0}, "1.9"));
        Volume fine = Ramps.linear(Ramps.axial(10, 1.0, new double[] {1.5, 2.25, 3.0}, "1.9"));
        CoRegistration coRegistration =
                new CoRegistration(TestConfigs.with("mode", "patient-coordinates"));

        RegistrationOutcome outcome = coRegistration.onto(coarse, fine);

        Geometry grid = fine.geometry();
        assertThat(outcome.method()).isEqualTo(RegistrationMethod.PATIENT_COORDINATES);
        assertThat(outcome.voxels()[grid.index(4, 5, 6)])
                .isCloseTo(Ramps.valueAt(grid.patientPosition(4, 5, 6)), within(1e-3f));
    }

    @Test
    void rejectsAnotherFrameOfReferenceInPatientCoordinatesMode() {
        Volume volume = Ramps.linear(Ramps.axial(4, 1.0, new double[] {0, 0, 0}, "1.9"));
        Volume other = Ramps.linear(Ramps.axial(4, 1.0, new double[] {5, 0, 0}, "1.8"));
        CoRegistration coRegistration =
                new CoRegistration(TestConfigs.with("mode", "patient-coordinates"));

        assertThatThrownBy(() -> coRegistration.onto(volume, other))
                .isInstanceOf(StudyFailedException.class)
                .hasMessageContaining("segstream.registration.mode")
                .extracting(e -> ((StudyFailedException) e).reason())
                .isEqualTo(FailureReason.REGISTRATION_FAILED);
    }

    @Test
    void registersAnotherFrameOfReferenceRigidly() throws Exception {
        RigidTransform truth = motion(6, 12);
        Volume flair = SampleStudies.moved(sample(Sequence.FLAIR), truth, "2.25.102");
        CoRegistration coRegistration = new CoRegistration(TestConfigs.defaults());

        RegistrationOutcome outcome = coRegistration.onto(flair, sample(Sequence.T1C));

        assertThat(outcome.method()).isEqualTo(RegistrationMethod.RIGID);
        assertThat(outcome.quality()).isPresent();
        assertThat(headError(truth, outcome.referenceToMoving())).isLessThan(2.0);
    }

    @Test
    void skipsTheAlignmentCheckForTheReferenceSeriesItself() throws Exception {
        Volume reference = sample(Sequence.T1C);
        CoRegistration coRegistration = new CoRegistration(TestConfigs.defaults());

        RegistrationOutcome outcome = coRegistration.onto(reference, reference);

        assertThat(outcome.method()).isEqualTo(RegistrationMethod.SAME_GRID);
        assertThat(outcome.quality()).isEmpty();
    }

    @Test
    void keepsPatientCoordinatesWhenTheCheckFindsTheSeriesAligned() throws Exception {
        CoRegistration coRegistration = new CoRegistration(TestConfigs.defaults());

        RegistrationOutcome outcome =
                coRegistration.onto(sample(Sequence.FLAIR), sample(Sequence.T1C));

        assertThat(outcome.method()).isEqualTo(RegistrationMethod.SAME_GRID);
        assertThat(outcome.quality()).isPresent();
    }

    @Test
    void registersASeriesOfTheSameFrameThatTheCheckFindsMisaligned() throws Exception {
        RigidTransform truth = motion(3, 6);
        Volume flair = SampleStudies.moved(sample(Sequence.FLAIR), truth, FRAME);
        CoRegistration coRegistration = new CoRegistration(TestConfigs.defaults());

        RegistrationOutcome outcome = coRegistration.onto(flair, sample(Sequence.T1C));

        assertThat(outcome.method()).isEqualTo(RegistrationMethod.RIGID);
        assertThat(headError(truth, outcome.referenceToMoving())).isLessThan(2.0);
    }

    @Test
    void failsTheStudyWhenTheSeriesToRegisterHasNoSignal() {
        Volume reference = sample(Sequence.T1C);
        Volume blank = new Volume("2.25.500", reference.geometry(),
                new float[reference.geometry().voxelCount()],
                Collections.nCopies(reference.geometry().slices(), "2.25.501"));
        Volume elsewhere = SampleStudies.moved(blank, RigidTransform.identity(), "2.25.103");
        CoRegistration coRegistration = new CoRegistration(TestConfigs.defaults());

        assertThatThrownBy(() -> coRegistration.onto(elsewhere, reference))
                .isInstanceOf(StudyFailedException.class)
                .extracting(e -> ((StudyFailedException) e).reason())
                .isEqualTo(FailureReason.REGISTRATION_FAILED);
    }

    @Test
    void rejectsASamplingFractionOutsideZeroToOneNamingTheKey() {
        RegistrationConfig config = TestConfigs.with("sampling-fraction", "1.5");

        assertThatThrownBy(() -> new CoRegistration(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segstream.registration.sampling-fraction is 1.5");
    }
}
