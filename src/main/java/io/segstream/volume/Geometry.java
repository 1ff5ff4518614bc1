package io.segstream.volume;

import java.util.Arrays;

/**
 * Where the voxels of a volume lie in patient coordinates (LPS, millimetres).
 *
 * <p>Voxel (slice, row, column) lies at {@code origin + column * columnSpacing * rowDirection +
 * row * rowSpacing * columnDirection + slice * sliceSpacing * normal}. The names follow DICOM:
 * {@code rowDirection} is the first triplet of Image Orientation (Patient), the direction in which
 * the column index grows along a row; {@code columnDirection} is the second triplet.
 *
 * @param slices number of slices
 * @param rows rows per slice
 * @param columns columns per row
 * @param origin Image Position (Patient) of the first slice
 * @param rowDirection unit vector along a row
 * @param columnDirection unit vector along a column
 * @param normal unit vector from one slice to the next
 * @param rowSpacing distance between adjacent rows (first value of Pixel Spacing)
 * @param columnSpacing distance between adjacent columns (second value of Pixel Spacing)
 * @param sliceSpacing distance between adjacent slice centres along the normal
 * @param frameOfReferenceUid the Frame of Reference UID shared by the slices
 */
public record Geometry(
        int slices,
        int rows,
        int columns,
        double[] origin,
        double[] rowDirection,
        double[] columnDirection,
        double[] normal,
        double rowSpacing,
        double columnSpacing,
        double sliceSpacing,
        String frameOfReferenceUid) {

    public Geometry {
        if (slices < 1 || rows < 1 || columns < 1) {
            throw new IllegalArgumentException(
                    "a volume needs at least one voxel, got " + slices + "x" + rows + "x" + columns);
        }
        origin = origin.clone();
        rowDirection = rowDirection.clone();
        columnDirection = columnDirection.clone();
        normal = normal.clone();
    }

    public int voxelCount() {
        return slices * rows * columns;
    }

    public int sliceSize() {
        return rows * columns;
    }

    public int index(int slice, int row, int column) {
        return (slice * rows + row) * columns + column;
    }

    /** Volume of one voxel in millilitres. */
    public double voxelVolumeMl() {
        return rowSpacing * columnSpacing * sliceSpacing / 1000.0;
    }

    /** Image Position (Patient) of a slice: the centre of its first voxel. */
    public double[] slicePosition(int slice) {
        return patientPosition(slice, 0, 0);
    }

    public double[] patientPosition(double slice, double row, double column) {
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            p[i] = origin[i]
                    + column * columnSpacing * rowDirection[i]
                    + row * rowSpacing * columnDirection[i]
                    + slice * sliceSpacing * normal[i];
        }
        return p;
    }

    /** The continuous (slice, row, column) index of a patient position; inverse of the above. */
    public double[] continuousIndex(double[] position) {
        double[] d = {position[0] - origin[0], position[1] - origin[1], position[2] - origin[2]};
        return new double[] {
            dot(d, normal) / sliceSpacing, dot(d, columnDirection) / rowSpacing,
            dot(d, rowDirection) / columnSpacing
        };
    }

    /** True when both grids put every voxel at the same place, within {@code toleranceMm}. */
    public boolean sameGrid(Geometry other, double toleranceMm) {
        if (slices != other.slices || rows != other.rows || columns != other.columns) {
            return false;
        }
        double[][] corners = {{0, 0, 0}, {slices - 1, rows - 1, columns - 1}, {0, rows - 1, 0}};
        for (double[] c : corners) {
            double[] a = patientPosition(c[0], c[1], c[2]);
            double[] b = other.patientPosition(c[0], c[1], c[2]);
            if (distance(a, b) > toleranceMm) {
                return false;
            }
        }
        return true;
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g
                && slices == g.slices
                && rows == g.rows
                && columns == g.columns
                && Arrays.equals(origin, g.origin)
                && Arrays.equals(rowDirection, g.rowDirection)
                && Arrays.equals(columnDirection, g.columnDirection)
                && Arrays.equals(normal, g.normal)
                && rowSpacing == g.rowSpacing
                && columnSpacing == g.columnSpacing
                && sliceSpacing == g.sliceSpacing
                && java.util.Objects.equals(frameOfReferenceUid, g.frameOfReferenceUid);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(slices, rows, columns, Arrays.hashCode(origin));
    }

    @Override
    public String toString() {
        return "Geometry[" + slices + "x" + rows + "x" + columns + ", spacing " + rowSpacing + "/"
                + columnSpacing + "/" + sliceSpacing + " mm]";
    }
}
