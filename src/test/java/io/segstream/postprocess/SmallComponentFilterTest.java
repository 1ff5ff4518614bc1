package io.segstream.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.volume.Geometry;
import org.junit.jupiter.api.Test;

class SmallComponentFilterTest {

    private static final Geometry GRID = new Geometry(10, 10, 10, new double[3],
            new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}, 2, 2, 2,
            "1.2.3");

    @Test
    void removesComponentsBelowTheVolumeAndKeepsLargerOnes() {
        byte[] labels = new byte[GRID.voxelCount()];
        for (int s = 2; s < 5; s++) {
            for (int r = 2; r < 5; r++) {
                for (int c = 2; c < 5; c++) {
                    labels[GRID.index(s, r, c)] = (byte) (c == 3 ? 4 : 2);
                }
            }
        }
        labels[GRID.index(8, 8, 8)] = 1;
        labels[GRID.index(8, 8, 7)] = 2;

        int removed = SmallComponentFilter.apply(labels, GRID, 0.1);

        assertThat(removed).isEqualTo(2);
        assertThat(labels[GRID.index(8, 8, 8)]).isEqualTo(BratsLabels.BACKGROUND);
        assertThat(labels[GRID.index(3, 3, 3)]).isEqualTo(BratsLabels.ENHANCING_TUMOUR);
    }

    @Test
    void diagonalNeighboursAreSeparateComponents() {
        byte[] labels = new byte[GRID.voxelCount()];
        labels[GRID.index(1, 1, 1)] = 2;
        labels[GRID.index(2, 2, 2)] = 2;

        int removed = SmallComponentFilter.apply(labels, GRID, 0.009);

        assertThat(removed).isEqualTo(2);
    }
}
