package io.segstream.phantom;

import java.util.Arrays;

/**
 * Voxel grid of a stack of axial slices in patient coordinates (LPS, mm).
 *
 * <p>Flat arrays use index {@code (slice * rows + row) * columns + column}. The column index runs
 * along +x (patient right to left), the row index along +y (anterior to posterior) and the slice
 * index along +z (inferior to superior; slice 0 is the most inferior). Voxel (s, r, c) lies at
 * {@code origin + c * columnSpacing * x + r * rowSpacing * y + s * sliceSpacing * z}, which is
 * the DICOM Image Position (Patient) of slice s when c = r = 0.
 *
 * @param rowSpacing distance between the centres of adjacent rows (first value of DICOM Pixel
 *     Spacing)
 * @param columnSpacing distance between the centres of adjacent columns (second value of Pixel
 *     Spacing)
 * @param origin patient position (LPS, mm) of voxel (0, 0, 0); three values
 */
public record Grid(int slices, int rows, int columns, double rowSpacing, double columnSpacing,
        double sliceSpacing, double[] origin) {

    public Grid {
        if (slices < 1 || rows < 1 || columns < 1) {
            throw new IllegalArgumentException("Grid dimensions must be positive, got "
                    + slices + " x " + rows + " x " + columns + " (slices x rows x columns)");
        }
        if (!(rowSpacing > 0 && columnSpacing > 0 && sliceSpacing > 0)) {
            throw new IllegalArgumentException("Grid spacings must be positive, got row "
                    + rowSpacing + ", column " + columnSpacing + ", slice " + sliceSpacing);
        }
        if (origin == null || origin.length != 3) {
            throw new IllegalArgumentException("Grid origin must have 3 values (x, y, z)");
        }
        origin = origin.clone();
    }

    /** Returns a copy, so that the grid stays immutable. */
    @Override
    public double[] origin() {
        return origin.clone();
    }

    public int voxelCount() {
        return Math.multiplyExact(Math.multiplyExact(slices, rows), columns);
    }

    public int index(int slice, int row, int column) {
        return (slice * rows + row) * columns + column;
    }

    public int sliceSize() {
        return rows * columns;
    }

    /** Patient position (LPS, mm) of the centre of voxel (slice, row, column). */
    public double[] patientPosition(double slice, double row, double column) {
        return new double[] {
            origin[0] + column * columnSpacing,
            origin[1] + row * rowSpacing,
            origin[2] + slice * sliceSpacing
        };
    }

    /** Volume of one voxel in mL. */
    public double voxelVolumeMl() {
        return rowSpacing * columnSpacing * sliceSpacing / 1000.0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Grid g
                && slices == g.slices && rows == g.rows && columns == g.columns
                && rowSpacing == g.rowSpacing && columnSpacing == g.columnSpacing
                && sliceSpacing == g.sliceSpacing && Arrays.equals(origin, g.origin);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(slices, rows, columns, rowSpacing, columnSpacing,
                sliceSpacing) + Arrays.hashCode(origin);
    }

    @Override
    public String toString() {
        return "Grid[" + slices + " slices x " + rows + " rows x " + columns + " columns, spacing "
                + rowSpacing + "/" + columnSpacing + "/" + sliceSpacing + " mm, origin "
                + Arrays.toString(origin) + "]";
    }
}
