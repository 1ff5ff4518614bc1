package io.segstream.trainer;

/**
 * Removes connected tumour components (6-connected voxels of any tumour class) smaller than a
 * number of voxels, as the worker's postprocessing does (`segstream.postprocess.min-component-ml`,
 * 0.1 mL by default), so that evaluation scores what the worker would publish.
 */
final class SmallComponents {

  /**
   * 0.1 mL at 1 mm isotropic voxels, the grid of the phantom (Colin27) and of BraTS; studies
   * carry no spacing here, so the rule is stated in voxels.
   */
  static final int MIN_VOXELS = 100;

  private SmallComponents() {}

  /** Sets the voxels of every smaller component to background; returns how many. */
  static int remove(byte[] classes, int slices, int rows, int columns, int minVoxels) {
    int[] component = new int[classes.length];
    int[] stack = new int[classes.length];
    int removed = 0;
    int id = 0;
    for (int start = 0; start < classes.length; start++) {
      if (classes[start] == 0 || component[start] != 0) {
        continue;
      }
      id++;
      int size = fill(classes, component, stack, start, id, slices, rows, columns);
      if (size < minVoxels) {
        for (int i = 0; i < size; i++) {
          classes[stack[i]] = 0;
        }
        removed += size;
      }
    }
    return removed;
  }

  /** Labels one component; its voxels end up in stack[0 .. size). */
  private static int fill(byte[] classes, int[] component, int[] stack, int start, int id,
      int slices, int rows, int columns) {
    int plane = rows * columns;
    int top = 0;
    int done = 0;
    stack[top++] = start;
    component[start] = id;
    while (done < top) {
      int voxel = stack[done++];
      int column = voxel % columns;
      int row = (voxel / columns) % rows;
      int slice = voxel / plane;
      top = push(classes, component, stack, top, id, column > 0 ? voxel - 1 : -1);
      top = push(classes, component, stack, top, id, column < columns - 1 ? voxel + 1 : -1);
      top = push(classes, component, stack, top, id, row > 0 ? voxel - columns : -1);
      top = push(classes, component, stack, top, id, row < rows - 1 ? voxel + columns : -1);
      top = push(classes, component, stack, top, id, slice > 0 ? voxel - plane : -1);
      top = push(classes, component, stack, top, id, slice < slices - 1 ? voxel + plane : -1);
    }
    return done;
  }

  private static int push(byte[] classes, int[] component, int[] stack, int top, int id,
      int voxel) {
    if (voxel >= 0 && classes[voxel] != 0 && component[voxel] == 0) {
      component[voxel] = id;
      stack[top++] = voxel;
    }
    return top;
  }
}
