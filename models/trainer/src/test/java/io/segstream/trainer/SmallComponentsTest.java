package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmallComponentsTest {

  private static final int SLICES = 4;
  private static final int ROWS = 6;
  private static final int COLUMNS = 7;

  @Test
  void removesComponentsSmallerThanTheMinimumAndKeepsTheRest() {
    byte[] classes = new byte[SLICES * ROWS * COLUMNS];
    // A 2x2x2 block of mixed tumour classes (8 voxels) and a lone voxel far from it.
    for (int s = 0; s < 2; s++) {
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 2; c++) {
          classes[index(s, r, c)] = (byte) (1 + (s + r + c) % 3);
        }
      }
    }
    classes[index(3, 5, 6)] = 2;

    int removed = SmallComponents.remove(classes, SLICES, ROWS, COLUMNS, 2);

    assertEquals(1, removed);
    assertEquals(0, classes[index(3, 5, 6)]);
    assertEquals(1, classes[index(0, 0, 0)]);
    assertEquals(3, classes[index(1, 1, 0)]);
  }

  @Test
  void connectsAcrossSlicesButNotDiagonally() {
    byte[] classes = new byte[SLICES * ROWS * COLUMNS];
    classes[index(0, 2, 2)] = 2;
    classes[index(1, 2, 2)] = 2;
    classes[index(2, 3, 3)] = 4 - 1;

    int removed = SmallComponents.remove(classes, SLICES, ROWS, COLUMNS, 2);

    assertEquals(1, removed);
    assertEquals(2, classes[index(1, 2, 2)]);
    assertEquals(0, classes[index(2, 3, 3)]);
  }

  private static int index(int slice, int row, int column) {
    return (slice * ROWS + row) * COLUMNS + column;
  }
}
