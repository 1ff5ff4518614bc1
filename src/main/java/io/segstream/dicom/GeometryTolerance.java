package io.segstream.dicom;

/**
 * How far slices of one series may disagree and still form one volume.
 *
 * @param directionCosine largest difference allowed between the Image Orientation (Patient)
 *     values of two slices, and between a direction's length and 1 or two directions' dot product
 *     and 0
 * @param positionMm largest distance allowed between a slice's Image Position (Patient) and the
 *     place that evenly spaced, unsheared slices would put it; also the smallest distance between
 *     two slices along the normal before they count as duplicates
 */
public record GeometryTolerance(double directionCosine, double positionMm) {

    /**
     * Scanners write direction cosines to about 6 decimals and positions to 0.01 mm or better;
     * these limits leave room for that rounding yet catch a missing slice (an error of half a
     * slice spacing) and a rotated slice (0.06 degrees).
     */
    public static final GeometryTolerance DEFAULT = new GeometryTolerance(1e-3, 0.1);

    public GeometryTolerance {
        if (!(directionCosine > 0) || !(positionMm > 0)) {
            throw new IllegalArgumentException("tolerances must be positive, got "
                    + directionCosine + " and " + positionMm + " mm");
        }
    }
}
