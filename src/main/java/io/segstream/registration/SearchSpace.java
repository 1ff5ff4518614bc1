package io.segstream.registration;

/**
 * The optimiser's six coordinates, all in millimetres: three rotations about the fixed head's
 * centre, each scaled by the head's radius, then three translations, applied before the initial
 * transform.
 */
final class SearchSpace {

    static final int DIMENSIONS = 6;

    private final double[] centre;
    private final double radiusMm;
    private final RigidTransform initial;

    SearchSpace(HeadExtent fixedHead, RigidTransform initial) {
        this.centre = fixedHead.centre();
        this.radiusMm = fixedHead.radiusMm();
        this.initial = initial;
    }

    RigidTransform transform(double[] point) {
        double[] angles = {point[0] / radiusMm, point[1] / radiusMm, point[2] / radiusMm};
        double[] translation = {point[3], point[4], point[5]};
        return RigidTransform.about(centre, angles, translation).then(initial);
    }
}
