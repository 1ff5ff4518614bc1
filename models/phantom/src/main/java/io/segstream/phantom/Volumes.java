package io.segstream.phantom;

/** Small whole-volume operations on masks and images in the flat layout of {@link Grid}. */
final class Volumes {

    private Volumes() {
    }

    static boolean[] above(float[] values, float threshold) {
        boolean[] mask = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = values[i] > threshold;
        }
        return mask;
    }

    /**
     * Adds to a mask every voxel that cannot be reached from the volume border through voxels
     * outside the mask: the air around the head stays out, closed cavities come in.
     */
    static boolean[] fillHoles(Grid grid, boolean[] mask) {
        boolean[] outside = new boolean[mask.length];
        int[] queue = new int[mask.length];
        int tail = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i] && onBorder(grid, i)) {
                outside[i] = true;
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int c = i % grid.columns();
            int r = (i / grid.columns()) % grid.rows();
            int s = i / grid.sliceSize();
            tail = visit(grid, mask, outside, queue, tail, s, r, c - 1);
            tail = visit(grid, mask, outside, queue, tail, s, r, c + 1);
            tail = visit(grid, mask, outside, queue, tail, s, r - 1, c);
            tail = visit(grid, mask, outside, queue, tail, s, r + 1, c);
            tail = visit(grid, mask, outside, queue, tail, s - 1, r, c);
            tail = visit(grid, mask, outside, queue, tail, s + 1, r, c);
        }
        boolean[] filled = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }

    private static int visit(Grid grid, boolean[] mask, boolean[] outside, int[] queue, int tail,
            int s, int r, int c) {
        if (s < 0 || r < 0 || c < 0 || s >= grid.slices() || r >= grid.rows()
                || c >= grid.columns()) {
            return tail;
        }
        int j = grid.index(s, r, c);
        if (mask[j] || outside[j]) {
            return tail;
        }
        outside[j] = true;
        queue[tail] = j;
        return tail + 1;
    }

    private static boolean onBorder(Grid grid, int i) {
        int c = i % grid.columns();
        int r = (i / grid.columns()) % grid.rows();
        int s = i / grid.sliceSize();
        return c == 0 || r == 0 || s == 0 || c == grid.columns() - 1 || r == grid.rows() - 1
                || s == grid.slices() - 1;
    }

    /**
     * Approximate Euclidean distance (mm, 3x3x3 chamfer) from each voxel on one side of a mask to
     * the nearest voxel on the other side; voxels on the other side get 0.
     *
     * @param inside true: distances for voxels in the mask; false: for voxels outside it
     */
    static float[] chamferDistance(Grid grid, boolean[] mask, boolean inside) {
        float[] d = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            d[i] = mask[i] == inside ? Float.MAX_VALUE : 0f;
        }
        int[][] offsets = forwardOffsets();
        float[] weights = weights(grid, offsets);
        sweep(grid, d, offsets, weights, true);
        sweep(grid, d, offsets, weights, false);
        return d;
    }

    /** The 13 neighbours that precede a voxel in scan order. */
    private static int[][] forwardOffsets() {
        int[][] offsets = new int[13][];
        int n = 0;
        for (int ds = -1; ds <= 0; ds++) {
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    boolean precedes = ds < 0 || (ds == 0 && (dr < 0 || (dr == 0 && dc < 0)));
                    if (precedes) {
                        offsets[n++] = new int[] {ds, dr, dc};
                    }
                }
            }
        }
        return offsets;
    }

    private static float[] weights(Grid grid, int[][] offsets) {
        float[] w = new float[offsets.length];
        for (int k = 0; k < offsets.length; k++) {
            double s = offsets[k][0] * grid.sliceSpacing();
            double r = offsets[k][1] * grid.rowSpacing();
            double c = offsets[k][2] * grid.columnSpacing();
            w[k] = (float) Math.sqrt(s * s + r * r + c * c);
        }
        return w;
    }

    private static void sweep(Grid grid, float[] d, int[][] offsets, float[] weights,
            boolean forward) {
        int sign = forward ? 1 : -1;
        int slices = grid.slices();
        int rows = grid.rows();
        int columns = grid.columns();
        for (int n = 0; n < slices; n++) {
            int s = forward ? n : slices - 1 - n;
            for (int m = 0; m < rows; m++) {
                int r = forward ? m : rows - 1 - m;
                for (int l = 0; l < columns; l++) {
                    int c = forward ? l : columns - 1 - l;
                    int i = (s * rows + r) * columns + c;
                    float best = d[i];
                    if (best == 0f) {
                        continue;
                    }
                    for (int k = 0; k < offsets.length; k++) {
                        int ns = s + sign * offsets[k][0];
                        int nr = r + sign * offsets[k][1];
                        int nc = c + sign * offsets[k][2];
                        if (ns < 0 || nr < 0 || nc < 0 || ns >= slices || nr >= rows
                                || nc >= columns) {
                            continue;
                        }
                        float candidate = d[(ns * rows + nr) * columns + nc] + weights[k];
                        if (candidate < best) {
                            best = candidate;
                        }
                    }
                    d[i] = best;
                }
            }
        }
    }

    /** Separable [1 2 1] / 4 smoothing along all three axes; borders repeat the edge voxel. */
    static float[] smooth(Grid grid, float[] values) {
        float[] a = values.clone();
        float[] b = new float[values.length];
        smoothAxis(a, b, grid.columns(), 1, grid);
        smoothAxis(b, a, grid.rows(), grid.columns(), grid);
        smoothAxis(a, b, grid.slices(), grid.sliceSize(), grid);
        return b;
    }

    private static void smoothAxis(float[] in, float[] out, int length, int stride, Grid grid) {
        for (int i = 0; i < in.length; i++) {
            int position = (i / stride) % length;
            float previous = position > 0 ? in[i - stride] : in[i];
            float next = position < length - 1 ? in[i + stride] : in[i];
            out[i] = 0.25f * previous + 0.5f * in[i] + 0.25f * next;
        }
    }
}
