package io.segstream.dicom;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.volume.Geometry;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Slices of one series put in order along the normal, with the geometry they share. Every rule
 * that makes the slices one regular grid is checked here, and a breach names the value found and
 * the tolerance.
 *
 * @param slices the slices, ordered by position along the normal
 * @param geometry the grid they form
 */
record SliceStack(List<SliceHeader> slices, Geometry geometry) {

    /** Pixel Spacing is copied, not measured, so it must agree to the last written digit. */
    private static final double PIXEL_SPACING_TOLERANCE_MM = 1e-3;

    static SliceStack arrange(List<SliceHeader> unordered, GeometryTolerance tolerance)
            throws StudyFailedException {
        SliceHeader first = unordered.get(0);
        for (SliceHeader slice : unordered) {
            requireSameMatrix(first, slice);
            requireSameOrientation(first, slice, tolerance);
            requireSamePixelSpacing(first, slice);
            requireSameFrameOfReference(first, slice);
        }
        double[] row = unit(first, first.rowDirection(), "row", tolerance);
        double[] column = unit(first, first.columnDirection(), "column", tolerance);
        requireOrthogonal(first, row, column, tolerance);
        double[] normal = cross(row, column);

        List<SliceHeader> ordered = unordered.stream()
                .sorted(Comparator.comparingDouble(s -> dot(s.position(), normal)))
                .toList();
        double spacing = sliceSpacing(ordered, normal, tolerance);
        requireNoShear(ordered, normal, tolerance);
        return new SliceStack(ordered, new Geometry(ordered.size(), first.rows(), first.columns(),
                ordered.get(0).position(), row, column, normal, first.pixelSpacing()[0],
                first.pixelSpacing()[1], spacing, first.frameOfReferenceUid()));
    }

    private static void requireSameMatrix(SliceHeader first, SliceHeader slice)
            throws StudyFailedException {
        if (slice.rows() != first.rows() || slice.columns() != first.columns()) {
            throw inconsistent(slice.place() + ": all slices must have the same Rows x "
                    + "Columns, found " + first.rows() + "x" + first.columns() + " and "
                    + slice.rows() + "x" + slice.columns());
        }
    }

    private static void requireSameOrientation(SliceHeader first, SliceHeader slice,
            GeometryTolerance tolerance) throws StudyFailedException {
        double largest = 0;
        for (int i = 0; i < 6; i++) {
            largest = Math.max(largest,
                    Math.abs(first.orientation()[i] - slice.orientation()[i]));
        }
        if (largest > tolerance.directionCosine()) {
            throw inconsistent(slice.place() + ": all slices must share Image Orientation "
                    + "(Patient); two differ by " + format(largest) + " in a direction cosine, "
                    + "tolerance "
                    + tolerance.directionCosine());
        }
    }

    private static void requireSamePixelSpacing(SliceHeader first, SliceHeader slice)
            throws StudyFailedException {
        for (int i = 0; i < 2; i++) {
            double difference = Math.abs(first.pixelSpacing()[i] - slice.pixelSpacing()[i]);
            if (difference > PIXEL_SPACING_TOLERANCE_MM) {
                throw inconsistent(slice.place() + ": all slices must share Pixel Spacing, found "
                        + format(first.pixelSpacing()[i]) + " and "
                        + format(slice.pixelSpacing()[i]) + " mm, tolerance "
                        + PIXEL_SPACING_TOLERANCE_MM + " mm");
            }
        }
    }

    private static void requireSameFrameOfReference(SliceHeader first, SliceHeader slice)
            throws StudyFailedException {
        if (!first.frameOfReferenceUid().equals(slice.frameOfReferenceUid())) {
            throw inconsistent(slice.place()
                    + ": all slices must share one Frame of Reference UID, found two");
        }
    }

    private static double[] unit(SliceHeader slice, double[] direction, String name,
            GeometryTolerance tolerance) throws StudyFailedException {
        double length = Math.sqrt(dot(direction, direction));
        if (Math.abs(length - 1) > tolerance.directionCosine()) {
            throw inconsistent(slice.place() + ": the " + name + " direction of Image "
                    + "Orientation (Patient) must be a unit vector, found length "
                    + format(length) + ", tolerance " + tolerance.directionCosine());
        }
        return new double[] {direction[0] / length, direction[1] / length, direction[2] / length};
    }

    private static void requireOrthogonal(SliceHeader slice, double[] row, double[] column,
            GeometryTolerance tolerance) throws StudyFailedException {
        double cosine = dot(row, column);
        if (Math.abs(cosine) > tolerance.directionCosine()) {
            throw inconsistent(slice.place() + ": the row and column directions of Image "
                    + "Orientation (Patient) must be orthogonal, found dot product "
                    + format(cosine) + ", tolerance " + tolerance.directionCosine());
        }
    }

    /**
     * The spacing of evenly spaced slices from the first to the last, after checking that every
     * slice lies where that spacing puts it. Spacing comes from positions, never from Slice
     * Thickness: slices may have gaps between them or overlap. Neighbours are compared first, so
     * that a missing slice is named as such; the end-to-end check then catches slow drift.
     */
    private static double sliceSpacing(List<SliceHeader> ordered, double[] normal,
            GeometryTolerance tolerance) throws StudyFailedException {
        if (ordered.size() == 1) {
            return singleSliceSpacing(ordered.get(0));
        }
        double[] distances = ordered.stream().mapToDouble(s -> dot(s.position(), normal))
                .toArray();
        requireNoDuplicates(distances, tolerance);
        requireEvenNeighbours(distances, tolerance);
        double spacing = (distances[distances.length - 1] - distances[0])
                / (distances.length - 1);
        for (int i = 0; i < distances.length; i++) {
            double deviation = Math.abs(distances[i] - (distances[0] + i * spacing));
            if (deviation > tolerance.positionMm()) {
                throw inconsistent("slices must be evenly spaced along the normal; slice "
                        + (i + 1) + " of " + distances.length + " lies " + format(deviation)
                        + " mm from where a spacing of " + format(spacing)
                        + " mm puts it, tolerance " + tolerance.positionMm() + " mm");
            }
        }
        return spacing;
    }

    /**
     * Every gap between neighbours must match the median gap. A gap of a whole multiple of it
     * means missing slices: the volume would misplace every slice beyond it, and a Segmentation
     * could not reference slices that are not there, so the series is refused rather than filled.
     */
    private static void requireEvenNeighbours(double[] sortedDistances,
            GeometryTolerance tolerance) throws StudyFailedException {
        double[] gaps = new double[sortedDistances.length - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = sortedDistances[i + 1] - sortedDistances[i];
        }
        double median = lowerMedian(gaps);
        for (int i = 0; i < gaps.length; i++) {
            if (Math.abs(gaps[i] - median) <= tolerance.positionMm()) {
                continue;
            }
            long multiple = Math.round(gaps[i] / median);
            String where = "slices " + (i + 1) + " and " + (i + 2) + " of "
                    + sortedDistances.length + " are " + format(gaps[i]) + " mm apart along the "
                    + "normal where the median gap is " + format(median) + " mm";
            if (multiple >= 2 && Math.abs(gaps[i] - multiple * median) <= tolerance.positionMm()) {
                throw inconsistent("slices must be evenly spaced along the normal, but "
                        + (multiple - 1) + " slice(s) are missing: " + where + ", tolerance "
                        + tolerance.positionMm() + " mm; send the complete series");
            }
            throw inconsistent("slices must be evenly spaced along the normal; " + where
                    + ", tolerance " + tolerance.positionMm() + " mm");
        }
    }

    private static double lowerMedian(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    private static double singleSliceSpacing(SliceHeader slice) throws StudyFailedException {
        Double nominal = slice.nominalSliceSpacing();
        if (nominal == null || !(nominal > 0)) {
            throw inconsistent(slice.place() + ": a series of one slice needs a positive "
                    + "Spacing Between Slices or Slice Thickness, found " + nominal);
        }
        return nominal;
    }

    private static void requireNoDuplicates(double[] sortedDistances, GeometryTolerance tolerance)
            throws StudyFailedException {
        for (int i = 1; i < sortedDistances.length; i++) {
            double gap = sortedDistances[i] - sortedDistances[i - 1];
            if (gap < tolerance.positionMm()) {
                throw inconsistent("slice positions along the normal must differ; slices " + i
                        + " and " + (i + 1) + " are " + format(gap) + " mm apart, tolerance "
                        + tolerance.positionMm() + " mm (duplicate position)");
            }
        }
    }

    /** The volume's grid has no shear: each slice must lie straight above the first. */
    private static void requireNoShear(List<SliceHeader> ordered, double[] normal,
            GeometryTolerance tolerance) throws StudyFailedException {
        double[] origin = ordered.get(0).position();
        for (int i = 1; i < ordered.size(); i++) {
            double[] offset = subtract(ordered.get(i).position(), origin);
            double along = dot(offset, normal);
            double[] inPlane = {offset[0] - along * normal[0], offset[1] - along * normal[1],
                offset[2] - along * normal[2]};
            double shift = Math.sqrt(dot(inPlane, inPlane));
            if (shift > tolerance.positionMm()) {
                throw inconsistent("slices must be stacked along the normal; slice " + (i + 1)
                        + " is shifted " + format(shift) + " mm within its plane, tolerance "
                        + tolerance.positionMm() + " mm");
            }
        }
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {
            a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
        };
    }

    private static double[] subtract(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static StudyFailedException inconsistent(String message) {
        return new StudyFailedException(FailureReason.INCONSISTENT_GEOMETRY, message);
    }
}
