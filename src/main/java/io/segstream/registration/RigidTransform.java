package io.segstream.registration;

import java.util.Arrays;
import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.RotationOrder;

/**
 * A rigid motion of patient space (LPS, millimetres): {@code p -> R p + offset}.
 *
 * <p>Registration describes it by six parameters: three angles in radians, applied about the
 * patient x, then y, then z axis through a centre, and a translation in millimetres. The
 * rotation arithmetic is Commons Math's, so composition and inversion stay exact rotations.
 */
public final class RigidTransform {

    private static final RotationOrder ORDER = RotationOrder.XYZ;
    private static final RotationConvention CONVENTION = RotationConvention.VECTOR_OPERATOR;
    private static final RigidTransform IDENTITY =
            new RigidTransform(Rotation.IDENTITY, new double[3]);

    private final Rotation rotation;
    private final double[] offset;
    private final double[][] matrix;

    private RigidTransform(Rotation rotation, double[] offset) {
        this.rotation = rotation;
        this.offset = offset.clone();
        this.matrix = rotation.getMatrix();
    }

    public static RigidTransform identity() {
        return IDENTITY;
    }

    public static RigidTransform translation(double[] translationMm) {
        return new RigidTransform(Rotation.IDENTITY, translationMm);
    }

    /**
     * Rotates by {@code anglesRadians} (about x, then y, then z) around {@code centre}, then
     * moves by {@code translationMm}: {@code p -> R (p - centre) + centre + translation}.
     */
    public static RigidTransform about(
            double[] centre, double[] anglesRadians, double[] translationMm) {
        Rotation rotation = new Rotation(
                ORDER, CONVENTION, anglesRadians[0], anglesRadians[1], anglesRadians[2]);
        double[] rotatedCentre = new double[3];
        rotation.applyTo(centre, rotatedCentre);
        double[] offset = new double[3];
        for (int i = 0; i < 3; i++) {
            offset[i] = centre[i] - rotatedCentre[i] + translationMm[i];
        }
        return new RigidTransform(rotation, offset);
    }

    public double[] apply(double[] point) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = matrix[i][0] * point[0] + matrix[i][1] * point[1] + matrix[i][2] * point[2]
                    + offset[i];
        }
        return out;
    }

    public RigidTransform inverse() {
        Rotation reverted = rotation.revert();
        double[] back = new double[3];
        reverted.applyTo(offset, back);
        return new RigidTransform(reverted, new double[] {-back[0], -back[1], -back[2]});
    }

    /** This transform followed by {@code next}: {@code p -> next(this(p))}. */
    public RigidTransform then(RigidTransform next) {
        Rotation combined = next.rotation.compose(rotation, CONVENTION);
        double[] movedOffset = next.apply(offset);
        return new RigidTransform(combined, movedOffset);
    }

    /** The angles, in radians, that {@link #about} would take to build this rotation. */
    public double[] anglesRadians() {
        return rotation.getAngles(ORDER, CONVENTION);
    }

    /** The translation that {@link #about} would take with this {@code centre}. */
    public double[] translationAbout(double[] centre) {
        double[] rotatedCentre = new double[3];
        rotation.applyTo(centre, rotatedCentre);
        return new double[] {
            offset[0] - centre[0] + rotatedCentre[0],
            offset[1] - centre[1] + rotatedCentre[1],
            offset[2] - centre[2] + rotatedCentre[2]
        };
    }

    /**
     * The largest distance this transform moves a point of the sphere of {@code radiusMm}
     * around {@code centre}, probed in the 26 directions of a voxel's neighbours: how far a head
     * of that size would be misplaced.
     */
    public double largestDisplacementMm(double[] centre, double radiusMm) {
        double largest = 0;
        for (int x = -1; x <= 1; x++) {
            for (int y = -1; y <= 1; y++) {
                for (int z = -1; z <= 1; z++) {
                    double length = Math.sqrt(x * x + y * y + z * z);
                    if (length > 0) {
                        double step = radiusMm / length;
                        double[] p = {centre[0] + x * step, centre[1] + y * step,
                            centre[2] + z * step};
                        largest = Math.max(largest, distance(p, apply(p)));
                    }
                }
            }
        }
        return largest;
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Angles in degrees and the offset in millimetres, for logs and reports. */
    @Override
    public String toString() {
        double[] angles = anglesRadians();
        return String.format(java.util.Locale.ROOT,
                "RigidTransform[angles %.2f/%.2f/%.2f deg, offset %s mm]",
                Math.toDegrees(angles[0]), Math.toDegrees(angles[1]), Math.toDegrees(angles[2]),
                Arrays.toString(offset));
    }
}
