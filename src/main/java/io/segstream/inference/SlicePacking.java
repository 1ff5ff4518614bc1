package io.segstream.inference;

/**
 * Moves one slice between the volume layout (channel-major, then slice, row, column) and the
 * model's layout (row, column, channel), zero-padding rows and columns at the far edges.
 */
final class SlicePacking {

    private SlicePacking() {}

    static float[] pack(float[][] channels, int slice, int rows, int columns, int paddedRows,
            int paddedColumns) {
        int count = channels.length;
        float[] out = new float[paddedRows * paddedColumns * count];
        int sliceOffset = slice * rows * columns;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int source = sliceOffset + r * columns + c;
                int target = (r * paddedColumns + c) * count;
                for (int k = 0; k < count; k++) {
                    out[target + k] = channels[k][source];
                }
            }
        }
        return out;
    }

    static void unpack(float[] output, float[] volume, int slice, int rows, int columns,
            int paddedColumns, int classes) {
        int sliceOffset = slice * rows * columns;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(output, r * paddedColumns * classes, volume,
                    (sliceOffset + r * columns) * classes, columns * classes);
        }
    }
}
