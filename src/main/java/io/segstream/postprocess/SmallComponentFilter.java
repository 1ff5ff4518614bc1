package io.segstream.postprocess;

import io.segstream.volume.Geometry;

/**
 * Removes tumour components (6-connected voxels with any tumour label) smaller than a volume.
 * Isolated false positives far from the tumour are the commonest error of a slice-wise model.
 */
public final class SmallComponentFilter {

    private SmallComponentFilter() {}

    /** @return the number of voxels set to background */
    public static int apply(byte[] labels, Geometry grid, double minMl) {
        long minVoxels = (long) Math.ceil(minMl / grid.voxelVolumeMl());
        if (minVoxels <= 1) {
            return 0;
        }
        int[] component = new int[labels.length];
        int[] stack = new int[labels.length];
        int removed = 0;
        int next = 0;
        for (int start = 0; start < labels.length; start++) {
            if (labels[start] == BratsLabels.BACKGROUND || component[start] != 0) {
                continue;
            }
            next++;
            int size = flood(labels, grid, component, stack, start, next);
            if (size < minVoxels) {
                removed += size;
                for (int i = 0; i < size; i++) {
                    labels[stack[i]] = BratsLabels.BACKGROUND;
                }
            }
        }
        return removed;
    }

    /** Marks one component; afterwards its voxels are stack[0 .. size). */
    private static int flood(byte[] labels, Geometry g, int[] component, int[] stack, int start,
            int id) {
        int size = 0;
        int top = 0;
        stack[top++] = start;
        component[start] = id;
        int plane = g.sliceSize();
        while (size < top) {
            int v = stack[size++];
            int c = v % g.columns();
            int r = (v / g.columns()) % g.rows();
            int s = v / plane;
            top = visit(labels, component, stack, top, id, c > 0 ? v - 1 : -1);
            top = visit(labels, component, stack, top, id, c < g.columns() - 1 ? v + 1 : -1);
            top = visit(labels, component, stack, top, id, r > 0 ? v - g.columns() : -1);
            top = visit(labels, component, stack, top, id,
                    r < g.rows() - 1 ? v + g.columns() : -1);
            top = visit(labels, component, stack, top, id, s > 0 ? v - plane : -1);
            top = visit(labels, component, stack, top, id, s < g.slices() - 1 ? v + plane : -1);
        }
        return size;
    }

    private static int visit(byte[] labels, int[] component, int[] stack, int top, int id, int v) {
        if (v >= 0 && labels[v] != BratsLabels.BACKGROUND && component[v] == 0) {
            component[v] = id;
            stack[top++] = v;
        }
        return top;
    }
}
