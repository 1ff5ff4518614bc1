package io.segstream.registration;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.util.Objects;

/** Brings a sequence onto the reference grid. */
public final class CoRegistration {

    /** Grids closer than this are taken as identical and copied without interpolation. */
    static final double SAME_GRID_TOLERANCE_MM = 0.01;

    private CoRegistration() {}

    /** The voxels of {@code moving} on {@code reference}'s grid. */
    public static float[] onto(Volume moving, Geometry reference) throws StudyFailedException {
        Geometry own = moving.geometry();
        if (own.sameGrid(reference, SAME_GRID_TOLERANCE_MM)) {
            return moving.voxels();
        }
        if (!Objects.equals(own.frameOfReferenceUid(), reference.frameOfReferenceUid())) {
            // TODO(#4): rigid registration by mutual information for unshared frames.
            throw new StudyFailedException(FailureReason.REGISTRATION_FAILED,
                    "a sequence has a Frame of Reference other than the reference series'; "
                            + "rigid registration of different frames is not available yet");
        }
        return GridResampler.resample(moving, reference);
    }
}
