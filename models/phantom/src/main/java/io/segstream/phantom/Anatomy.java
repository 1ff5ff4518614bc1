package io.segstream.phantom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The real anatomy a phantom is built on: a T1 head image, its brain mask, and what is derived
 * from them once (head mask, tissue memberships, distances to the brain surface).
 *
 * <p>Loading takes a second or two; load once and share: an instance is immutable and may be
 * used from several threads.
 */
public final class Anatomy {

    /** Where Debian's mricron-data package installs the Colin27 templates. */
    public static final Path COLIN27_HEAD = Path.of("/usr/share/mricron/templates/ch2.nii.gz");
    public static final Path COLIN27_BRAIN =
            Path.of("/usr/share/mricron/templates/ch2bet.nii.gz");

    private final Grid grid;
    private final float[] t1;
    private final boolean[] head;
    private final boolean[] brain;
    private final TissueModel tissues;
    private final float[] brainDepthMm;
    private final float[] distanceOutsideBrainMm;

    private Anatomy(Grid grid, float[] t1, boolean[] head, boolean[] brain) {
        this.grid = grid;
        this.t1 = t1;
        this.head = head;
        this.brain = brain;
        this.tissues = TissueModel.fit(grid, t1, brain);
        this.brainDepthMm = Volumes.chamferDistance(grid, brain, true);
        this.distanceOutsideBrainMm = Volumes.chamferDistance(grid, brain, false);
    }

    /** Loads Colin27 (ch2 and ch2bet) from the paths Debian's mricron-data uses. */
    public static Anatomy loadColin27() throws IOException {
        return load(COLIN27_HEAD, COLIN27_BRAIN);
    }

    /**
     * Loads a T1 head image and its brain-extracted version, which must share one grid. Voxels
     * where the head image is zero and which connect to the image border are air.
     */
    public static Anatomy load(Path headNiftiGz, Path brainNiftiGz) throws IOException {
        GridImage headImage = Nifti.readInGrid(headNiftiGz);
        GridImage brainImage = Nifti.readInGrid(brainNiftiGz);
        if (!headImage.grid().equals(brainImage.grid())) {
            throw new IOException("Head and brain images must share one grid, got "
                    + headImage.grid() + " and " + brainImage.grid());
        }
        Grid grid = headImage.grid();
        boolean[] head = Volumes.fillHoles(grid, Volumes.above(headImage.values(), 0));
        boolean[] brain = Volumes.above(brainImage.values(), 0);
        for (int i = 0; i < brain.length; i++) {
            head[i] |= brain[i];
        }
        return new Anatomy(grid, headImage.values(), head, brain);
    }

    public Grid grid() {
        return grid;
    }

    float[] t1() {
        return t1;
    }

    boolean[] head() {
        return head;
    }

    boolean[] brain() {
        return brain;
    }

    TissueModel tissues() {
        return tissues;
    }

    /** Distance (mm) from a brain voxel to the nearest voxel outside the brain; 0 outside. */
    float[] brainDepthMm() {
        return brainDepthMm;
    }

    /** Distance (mm) from a non-brain voxel to the nearest brain voxel; 0 inside the brain. */
    float[] distanceOutsideBrainMm() {
        return distanceOutsideBrainMm;
    }

    /** A copy of the head mask (true inside the head, false in the air around it). */
    public boolean[] headMask() {
        return head.clone();
    }

    /** A copy of the brain mask taken from the brain-extracted image. */
    public boolean[] brainMask() {
        return brain.clone();
    }
}
