package io.segstream.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws tumour parameters and places tumour centres in white matter, away from each other. */
final class TumourSampler {

    private static final int MAX_TRIES = 20_000;

    private final Anatomy anatomy;

    TumourSampler(Anatomy anatomy) {
        this.anatomy = anatomy;
    }

    List<Tumour> sample(TumourOptions options, SplittableRandom random) {
        int count = count(options, random);
        List<Tumour> tumours = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            tumours.add(tumour(options, random, tumours));
        }
        return List.copyOf(tumours);
    }

    private static int count(TumourOptions options, SplittableRandom random) {
        if (options.maxCount() == 0 || random.nextDouble() < options.tumourFreeProbability()) {
            return 0;
        }
        int least = Math.max(1, options.minCount());
        return least + random.nextInt(options.maxCount() - least + 1);
    }

    private Tumour tumour(TumourOptions options, SplittableRandom random, List<Tumour> others) {
        double radius = uniform(random, options.minRadiusMm(), options.maxRadiusMm());
        double[] centre = centre(radius, random, others);
        boolean enhancing = random.nextDouble() < options.enhancementProbability();
        // A necrotic centre needs room inside the rim; small tumours are solid.
        boolean necrotic = enhancing && radius > 7
                && random.nextDouble() < options.necrosisProbability();
        double rim = uniform(random, 1.5, Math.max(2, Math.min(5, 0.35 * radius)));
        double jitter = options.contrastJitter();
        return new Tumour(centre[0], centre[1], centre[2],
                radius * uniform(random, 0.8, 1.2), radius * uniform(random, 0.8, 1.2),
                radius * uniform(random, 0.8, 1.2),
                uniform(random, 0, 2 * Math.PI), uniform(random, -Math.PI / 2, Math.PI / 2),
                uniform(random, 0, 2 * Math.PI),
                uniform(random, 0.3 * options.maxIrregularity(), options.maxIrregularity()),
                random.nextLong(), enhancing, rim, necrotic,
                uniform(random, options.minOedemaMm(), options.maxOedemaMm()),
                uniform(random, 1 - jitter, 1 + jitter), uniform(random, 1 - jitter, 1 + jitter),
                uniform(random, 1 - jitter, 1 + jitter));
    }

    /**
     * A white-matter voxel deep enough for most of the core to lie in the brain. The depth and
     * white-matter demands are relaxed if no such voxel turns up, so that sampling always ends.
     */
    private double[] centre(double radius, SplittableRandom random, List<Tumour> others) {
        Grid grid = anatomy.grid();
        boolean[] brain = anatomy.brain();
        float[] depth = anatomy.brainDepthMm();
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            int i = random.nextInt(grid.voxelCount());
            double strictness = 1 - (double) attempt / MAX_TRIES;
            boolean deepEnough = depth[i] >= strictness * Math.min(0.7 * radius, 18) + 2;
            boolean white = anatomy.tissues().membership(TissueModel.WHITE_MATTER, i)
                    >= 0.5 * strictness;
            if (brain[i] && deepEnough && white) {
                double[] p = position(grid, i);
                if (apart(p, radius, others)) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("Could not place a tumour of radius " + radius
                + " mm in the brain after " + MAX_TRIES + " tries");
    }

    private static boolean apart(double[] p, double radius, List<Tumour> others) {
        for (Tumour other : others) {
            double dx = p[0] - other.centreX();
            double dy = p[1] - other.centreY();
            double dz = p[2] - other.centreZ();
            double needed = 1.4 * (radius + other.meanRadiusMm()) + 5;
            if (dx * dx + dy * dy + dz * dz < needed * needed) {
                return false;
            }
        }
        return true;
    }

    private static double[] position(Grid grid, int i) {
        int c = i % grid.columns();
        int r = (i / grid.columns()) % grid.rows();
        int s = i / grid.sliceSize();
        return grid.patientPosition(s, r, c);
    }

    private static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
