package io.segstream.registration;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a sequence onto the reference grid: copied when already there, resampled through
 * patient coordinates within one Frame of Reference, registered rigidly by mutual information
 * across Frames of Reference or when the series is found misaligned (see {@link
 * RegistrationConfig#mode()}).
 */
public final class CoRegistration {

    /** Grids closer than this are taken as identical and copied without interpolation. */
    static final double SAME_GRID_TOLERANCE_MM = 0.01;

    private final RegistrationConfig config;
    private final RigidRegistration rigid;

    public CoRegistration(RegistrationConfig config) {
        RegistrationConfigRules.check(config);
        this.config = config;
        this.rigid = new RigidRegistration(config);
    }

    /** The voxels of {@code moving} on {@code reference}'s grid, and how they got there. */
    public RegistrationOutcome onto(Volume moving, Volume reference) throws StudyFailedException {
        boolean sameFrame = Objects.equals(moving.geometry().frameOfReferenceUid(),
                reference.geometry().frameOfReferenceUid());
        if (!sameFrame && config.mode() == RegistrationMode.PATIENT_COORDINATES) {
            throw new StudyFailedException(FailureReason.REGISTRATION_FAILED,
                    "a sequence has a Frame of Reference other than the reference series' and "
                            + "segstream.registration.mode is patient-coordinates; set it to "
                            + "auto to register such series rigidly");
        }
        if (sameFrame && isReferenceItself(moving, reference)) {
            return throughPatientCoordinates(moving, reference.geometry(), Optional.empty());
        }
        try {
            return bringOnto(moving, reference, sameFrame);
        } catch (IllegalArgumentException e) {
            throw new StudyFailedException(FailureReason.REGISTRATION_FAILED,
                    "rigid registration is impossible: " + e.getMessage(), e);
        }
    }

    private RegistrationOutcome bringOnto(Volume moving, Volume reference, boolean sameFrame) {
        if (!sameFrame) {
            RigidTransform initial = RigidRegistration.centresAligned(reference, moving);
            return resampled(moving, reference, rigid.register(reference, moving, initial));
        }
        if (config.mode() == RegistrationMode.RIGID) {
            return resampled(moving, reference,
                    rigid.register(reference, moving, RigidTransform.identity()));
        }
        if (config.mode() == RegistrationMode.AUTO && config.checkAlignment()) {
            return checkedAlignment(moving, reference);
        }
        return throughPatientCoordinates(moving, reference.geometry(), Optional.empty());
    }

    /** The reference series needs no check against itself. */
    private static boolean isReferenceItself(Volume moving, Volume reference) {
        return moving.seriesInstanceUid().equals(reference.seriesInstanceUid())
                && moving.geometry().sameGrid(reference.geometry(), SAME_GRID_TOLERANCE_MM);
    }

    /** Keeps patient coordinates unless registration moves the head beyond the threshold. */
    private RegistrationOutcome checkedAlignment(Volume moving, Volume reference) {
        RigidRegistration.Alignment check =
                rigid.register(reference, moving, RigidTransform.identity());
        HeadExtent head = HeadExtent.of(reference);
        double displacement =
                check.fixedToMoving().largestDisplacementMm(head.centre(), head.radiusMm());
        if (displacement > config.misalignmentThresholdMm()) {
            return resampled(moving, reference, check);
        }
        return throughPatientCoordinates(moving, reference.geometry(),
                Optional.of(check.quality()));
    }

    private static RegistrationOutcome resampled(Volume moving, Volume reference,
            RigidRegistration.Alignment alignment) {
        RigidTransform transform = alignment.fixedToMoving();
        float[] voxels = GridResampler.resample(moving, reference.geometry(), transform);
        return new RegistrationOutcome(voxels, RegistrationMethod.RIGID, transform,
                Optional.of(alignment.quality()));
    }

    private static RegistrationOutcome throughPatientCoordinates(Volume moving,
            Geometry reference, Optional<RegistrationQuality> quality) {
        if (moving.geometry().sameGrid(reference, SAME_GRID_TOLERANCE_MM)) {
            return new RegistrationOutcome(moving.voxels(), RegistrationMethod.SAME_GRID,
                    RigidTransform.identity(), quality);
        }
        return new RegistrationOutcome(GridResampler.resample(moving, reference),
                RegistrationMethod.PATIENT_COORDINATES, RigidTransform.identity(), quality);
    }
}
