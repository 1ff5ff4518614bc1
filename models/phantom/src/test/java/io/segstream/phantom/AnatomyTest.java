package io.segstream.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AnatomyTest {

    /** AAL atlas in Colin27 space, shipped with mricron-data; odd labels are left, even right. */
    private static final Path AAL = Path.of("/usr/share/mricron/templates/aal.nii.gz");
    private static final int PRECENTRAL_LEFT = 1;
    private static final int PRECENTRAL_RIGHT = 2;
    private static final int FRONTAL_SUPERIOR_LEFT = 3;
    private static final int OCCIPITAL_SUPERIOR_LEFT = 49;

    @Test
    void keepsTheFullColin27GridInPatientLps() {
        Grid grid = Fixtures.anatomy().grid();

        assertEquals(new Grid(181, 217, 181, 1, 1, 1, new double[] {-90, -91, -71}), grid);
    }

    @Test
    void orientsAnatomyWithAnteriorAtRowZero() {
        Anatomy anatomy = Fixtures.anatomy();
        Grid grid = anatomy.grid();
        boolean[] brain = anatomy.brainMask();
        int[] slices = sliceExtent(grid, brain);
        boolean[] inferiorQuarter = brain.clone();
        for (int i = 0; i < brain.length; i++) {
            inferiorQuarter[i] &= i / grid.sliceSize() < slices[0] + (slices[1] - slices[0]) / 4;
        }

        double all = meanRow(grid, brain);
        double inferior = meanRow(grid, inferiorQuarter);

        // The lowest quarter of the brain is mostly cerebellum, which lies posterior.
        assertTrue(inferior > all + 10, "inferior brain row " + inferior + ", all " + all);
    }

    @Test
    void putsSuperiorSlicesLast() {
        Anatomy anatomy = Fixtures.anatomy();
        Grid grid = anatomy.grid();

        double head = meanSlice(grid, anatomy.headMask());
        double brain = meanSlice(grid, anatomy.brainMask());

        // The head mask includes the neck and face below the brain.
        assertTrue(brain > head + 5, "brain centre slice " + brain + ", head " + head);
    }

    @Test
    void putsPatientLeftAtHighColumns() throws IOException {
        GridImage atlas = Nifti.readInGrid(AAL);

        double left = meanColumn(atlas, PRECENTRAL_LEFT);
        double right = meanColumn(atlas, PRECENTRAL_RIGHT);

        assertTrue(left > 110 && right < 70, "left gyrus column " + left + ", right " + right);
    }

    @Test
    void putsFrontalLobeAnteriorOfOccipitalLobe() throws IOException {
        GridImage atlas = Nifti.readInGrid(AAL);

        double frontal = meanRow(atlas, FRONTAL_SUPERIOR_LEFT);
        double occipital = meanRow(atlas, OCCIPITAL_SUPERIOR_LEFT);

        assertTrue(frontal + 80 < occipital, "frontal row " + frontal + ", occipital " + occipital);
    }

    @Test
    void ordersTissueCentresCsfGreyWhite() {
        TissueModel tissues = Fixtures.anatomy().tissues();

        double[] centres = {tissues.centre(TissueModel.CSF),
            tissues.centre(TissueModel.GREY_MATTER), tissues.centre(TissueModel.WHITE_MATTER)};

        assertTrue(centres[0] < centres[1] && centres[1] < centres[2],
                java.util.Arrays.toString(centres));
    }

    @Test
    void keepsTheBrainInsideTheHead() {
        Anatomy anatomy = Fixtures.anatomy();
        boolean[] head = anatomy.headMask();
        boolean[] brain = anatomy.brainMask();

        boolean[] brainOutsideHead = new boolean[brain.length];
        for (int i = 0; i < brain.length; i++) {
            brainOutsideHead[i] = brain[i] && !head[i];
        }

        assertArrayEquals(new boolean[brain.length], brainOutsideHead);
    }

    private static int[] sliceExtent(Grid grid, boolean[] mask) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                first = Math.min(first, i / grid.sliceSize());
                last = Math.max(last, i / grid.sliceSize());
            }
        }
        return new int[] {first, last};
    }

    private static double meanRow(Grid grid, boolean[] mask) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                sum += (i / grid.columns()) % grid.rows();
                count++;
            }
        }
        return sum / count;
    }

    private static double meanSlice(Grid grid, boolean[] mask) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                sum += i / grid.sliceSize();
                count++;
            }
        }
        return sum / count;
    }

    private static double meanColumn(GridImage image, int label) {
        return meanIndex(image, label, true);
    }

    private static double meanRow(GridImage image, int label) {
        return meanIndex(image, label, false);
    }

    private static double meanIndex(GridImage image, int label, boolean column) {
        Grid grid = image.grid();
        double sum = 0;
        long count = 0;
        for (int i = 0; i < image.values().length; i++) {
            if (image.values()[i] == label) {
                sum += column ? i % grid.columns() : (i / grid.columns()) % grid.rows();
                count++;
            }
        }
        return sum / count;
    }
}
