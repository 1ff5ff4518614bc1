package io.segstream.registration;

import io.segstream.phantom.Anatomy;
import io.segstream.phantom.Grid;
import io.segstream.phantom.PhantomGenerator;
import io.segstream.phantom.PhantomStudy;
import io.segstream.phantom.TumourOptions;
import io.segstream.volume.Geometry;
import io.segstream.volume.Sequence;
import io.segstream.volume.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sample study (seed 7) of the segstream-phantom generator, on the real Colin27 anatomy,
 * generated once per test JVM because loading the anatomy takes seconds.
 */
final class SampleStudies {

    static final String REFERENCE_FRAME = "2.25.100";

    private static Anatomy anatomy;
    private static PhantomStudy study;

    private SampleStudies() {}

    /** One sequence at 1 mm in {@code frameOfReferenceUid}, averaged to {@code spacingMm}. */
    static synchronized Volume volume(Sequence sequence, String frameOfReferenceUid,
            double spacingMm) {
        PhantomStudy sample = study();
        Geometry geometry = geometry(sample.grid(), frameOfReferenceUid);
        float[] voxels = sample.image(io.segstream.phantom.Sequence.valueOf(sequence.name()));
        Volume full = new Volume("2.25.200." + sequence.ordinal(), geometry, voxels,
                Collections.nCopies(geometry.slices(), "2.25.300"));
        return Downsampling.toSpacing(full, spacingMm);
    }

    /** Patient positions of every {@code step}-th brain voxel along each axis. */
    static synchronized List<double[]> brainPoints(int step) {
        Geometry geometry = geometry(study().grid(), REFERENCE_FRAME);
        boolean[] brain = anatomy.brainMask();
        List<double[]> points = new ArrayList<>();
        for (int s = 0; s < geometry.slices(); s += step) {
            for (int r = 0; r < geometry.rows(); r += step) {
                for (int c = 0; c < geometry.columns(); c += step) {
                    if (brain[geometry.index(s, r, c)]) {
                        points.add(geometry.patientPosition(s, r, c));
                    }
                }
            }
        }
        return points;
    }

    private static Geometry geometry(Grid grid, String frameOfReferenceUid) {
        return new Geometry(grid.slices(), grid.rows(), grid.columns(), grid.origin(),
                new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1},
                grid.rowSpacing(), grid.columnSpacing(), grid.sliceSpacing(),
                frameOfReferenceUid);
    }

    private static PhantomStudy study() {
        if (study == null) {
            try {
                anatomy = Anatomy.loadColin27();
            } catch (IOException e) {
                throw new UncheckedIOException("the Colin27 anatomy could not be loaded", e);
            }
            study = new PhantomGenerator(anatomy).generate(7, TumourOptions.sampleStudy());
        }
        return study;
    }

    /** {@code volume}'s anatomy moved by {@code motion}, seen in another Frame of Reference. */
    static Volume moved(Volume volume, RigidTransform motion, String frameOfReferenceUid) {
        Geometry g = volume.geometry();
        Geometry grid = new Geometry(g.slices(), g.rows(), g.columns(), g.origin(),
                g.rowDirection(), g.columnDirection(), g.normal(), g.rowSpacing(),
                g.columnSpacing(), g.sliceSpacing(), frameOfReferenceUid);
        float[] voxels = GridResampler.resample(volume, grid, motion.inverse());
        return new Volume(volume.seriesInstanceUid(), grid, voxels,
                volume.sourceSopInstanceUids());
    }

    /** The centre of the grid, about which the scanner would see the head turn. */
    static double[] gridCentre(Volume volume) {
        Geometry g = volume.geometry();
        return g.patientPosition((g.slices() - 1) / 2.0, (g.rows() - 1) / 2.0,
                (g.columns() - 1) / 2.0);
    }
}
