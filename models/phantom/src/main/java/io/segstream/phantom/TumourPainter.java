package io.segstream.phantom;

import io.segstream.phantom.ContrastModel.Compartment;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Paints one tumour into the label volume and the four images.
 *
 * <p>Every voxel gets a signed depth below the perturbed tumour surface, measured along the
 * ray from the centre. The core is depth >= 0, the enhancing rim the outer
 * {@code rimThicknessMm} of it, and oedema reaches {@code oedemaExtentMm} beyond the core,
 * scaled by the voxel's white-matter membership (so it spreads along white matter) and by a
 * smooth noise field. Image values blend towards each compartment's value over about a
 * millimetre, so edges show partial volume while labels are hard at the halfway point.
 */
final class TumourPainter {

    private static final Sequence[] SEQUENCES = Sequence.values();

    private final Anatomy anatomy;
    private final ContrastModel contrast;

    TumourPainter(Anatomy anatomy, ContrastModel contrast) {
        this.anatomy = anatomy;
        this.contrast = contrast;
    }

    void paint(Tumour tumour, Map<Sequence, float[]> images, byte[] labels) {
        Shape shape = new Shape(tumour);
        float[][] pixels = new float[SEQUENCES.length][];
        double[][] targets = new double[SEQUENCES.length][];
        for (Sequence sequence : SEQUENCES) {
            pixels[sequence.ordinal()] = images.get(sequence);
            targets[sequence.ordinal()] = targets(sequence, tumour);
        }
        Grid grid = anatomy.grid();
        double reach = Math.max(tumour.radiusA(), Math.max(tumour.radiusB(), tumour.radiusC()))
                * (1 + tumour.irregularity()) + tumour.oedemaExtentMm() * 1.4 + 3;
        int[] low = voxel(grid, tumour, -reach);
        int[] high = voxel(grid, tumour, reach);
        for (int s = low[0]; s <= high[0]; s++) {
            for (int r = low[1]; r <= high[1]; r++) {
                for (int c = low[2]; c <= high[2]; c++) {
                    paintVoxel(grid, s, r, c, shape, tumour, pixels, targets, labels);
                }
            }
        }
    }

    private double[] targets(Sequence sequence, Tumour tumour) {
        Compartment[] compartments = Compartment.values();
        double[] values = new double[compartments.length];
        for (Compartment compartment : compartments) {
            values[compartment.ordinal()] = contrast.tumourValue(sequence, compartment, tumour);
        }
        return values;
    }

    private static int[] voxel(Grid grid, Tumour tumour, double offsetMm) {
        double[] o = grid.origin();
        int c = (int) Math.floor((tumour.centreX() + offsetMm - o[0]) / grid.columnSpacing());
        int r = (int) Math.floor((tumour.centreY() + offsetMm - o[1]) / grid.rowSpacing());
        int s = (int) Math.floor((tumour.centreZ() + offsetMm - o[2]) / grid.sliceSpacing());
        return new int[] {clamp(s, grid.slices()), clamp(r, grid.rows()),
            clamp(c, grid.columns())};
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    private void paintVoxel(Grid grid, int s, int r, int c, Shape shape, Tumour tumour,
            float[][] pixels, double[][] targets, byte[] labels) {
        int i = grid.index(s, r, c);
        if (!anatomy.brain()[i]) {
            return;
        }
        double[] p = grid.patientPosition(s, r, c);
        p[0] -= tumour.centreX();
        p[1] -= tumour.centreY();
        p[2] -= tumour.centreZ();
        double depth = shape.depth(p);
        if (depth < -shape.maxOedemaMm) {
            return;
        }
        double core = ramp(depth, 1.0);
        double inner = tumour.enhancing() && tumour.necrotic()
                ? ramp(depth - tumour.rimThicknessMm(), 1.0) : 0;
        double oedema = Math.max(core, oedemaWeight(i, p, depth, shape, tumour));
        if (oedema <= 0) {
            return;
        }
        label(i, labels, core, inner, oedema, tumour);
        double texture = 1 + 0.08 * shape.heterogeneity(p);
        for (int q = 0; q < pixels.length; q++) {
            pixels[q][i] = (float) blend(pixels[q][i], targets[q], core, inner, oedema, texture,
                    tumour.enhancing());
        }
    }

    private double oedemaWeight(int i, double[] p, double depth, Shape shape, Tumour tumour) {
        double fluid = anatomy.tissues().membership(TissueModel.CSF, i);
        if (fluid > 0.6 || tumour.oedemaExtentMm() <= 0) {
            return 0;
        }
        double white = anatomy.tissues().membership(TissueModel.WHITE_MATTER, i);
        double limit = tumour.oedemaExtentMm() * (0.3 + 0.7 * white)
                * (1 + 0.3 * shape.field(p));
        return ramp(limit + depth, 1.5);
    }

    private static void label(int i, byte[] labels, double core, double inner, double oedema,
            Tumour tumour) {
        byte value = Labels.BACKGROUND;
        if (core >= 0.5) {
            boolean rim = tumour.enhancing() && inner < 0.5;
            value = rim ? Labels.ENHANCING_TUMOUR : Labels.NECROTIC_CORE;
        } else if (oedema >= 0.5) {
            value = Labels.OEDEMA;
        }
        // Where tumours meet, a core label wins over oedema.
        boolean keepCore = value == Labels.OEDEMA && labels[i] != Labels.BACKGROUND;
        if (value != Labels.BACKGROUND && !keepCore) {
            labels[i] = value;
        }
    }

    private static double blend(double value, double[] target, double core, double inner,
            double oedema, double texture, boolean enhancing) {
        Compartment solid = enhancing ? Compartment.ENHANCING : Compartment.NON_ENHANCING;
        value += 0.8 * oedema * (target[Compartment.OEDEMA.ordinal()] * texture - value);
        value += 0.9 * core * (target[solid.ordinal()] * texture - value);
        value += 0.95 * inner * (target[Compartment.NECROTIC.ordinal()] * texture - value);
        return value;
    }

    /** 0 well below zero, 1 well above, linear over {@code width} around it. */
    private static double ramp(double x, double width) {
        return Math.max(0, Math.min(1, 0.5 + x / width));
    }

    /** The perturbed ellipsoid and the smooth noise fields of one tumour. */
    private static final class Shape {

        private final double[][] axes;
        private final double[] radii;
        private final double irregularity;
        private final double maxOedemaMm;
        private final double[][] surfaceTerms;
        private final double[][] fieldTerms;
        private final double[][] textureTerms;

        Shape(Tumour tumour) {
            SplittableRandom random = new SplittableRandom(tumour.shapeSeed());
            axes = tumour.axes();
            radii = new double[] {tumour.radiusA(), tumour.radiusB(), tumour.radiusC()};
            irregularity = tumour.irregularity();
            maxOedemaMm = tumour.oedemaExtentMm() * 1.3 + 1.5;
            surfaceTerms = terms(random, 6, 1.5, 4.0);
            fieldTerms = terms(random, 4, 2 * Math.PI / 30, 2 * Math.PI / 12);
            textureTerms = terms(random, 4, 2 * Math.PI / 10, 2 * Math.PI / 4);
        }

        /** Each term: unit direction (3), frequency, phase, weight; weights sum to 1. */
        private static double[][] terms(SplittableRandom random, int count, double lowFrequency,
                double highFrequency) {
            double[][] terms = new double[count][];
            double total = 0;
            for (int k = 0; k < count; k++) {
                double z = 2 * random.nextDouble() - 1;
                double angle = 2 * Math.PI * random.nextDouble();
                double planar = Math.sqrt(1 - z * z);
                double weight = 0.5 + random.nextDouble();
                terms[k] = new double[] {planar * Math.cos(angle), planar * Math.sin(angle), z,
                    lowFrequency + (highFrequency - lowFrequency) * random.nextDouble(),
                    2 * Math.PI * random.nextDouble(), weight};
                total += weight;
            }
            for (double[] term : terms) {
                term[5] /= total;
            }
            return terms;
        }

        private static double sum(double[][] terms, double x, double y, double z) {
            double value = 0;
            for (double[] t : terms) {
                value += t[5] * Math.cos(t[3] * (t[0] * x + t[1] * y + t[2] * z) + t[4]);
            }
            return value;
        }

        /** Signed distance (mm) below the surface along the ray from the centre. */
        double depth(double[] p) {
            double distance = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            if (distance < 1e-9) {
                return Math.min(radii[0], Math.min(radii[1], radii[2]));
            }
            double scaled = 0;
            for (int k = 0; k < 3; k++) {
                double q = (axes[k][0] * p[0] + axes[k][1] * p[1] + axes[k][2] * p[2]) / radii[k];
                scaled += q * q;
            }
            double perturbation = 1 + irregularity * sum(surfaceTerms, p[0] / distance,
                    p[1] / distance, p[2] / distance);
            double surface = distance * perturbation / Math.sqrt(scaled);
            return surface - distance;
        }

        /** Smooth noise in [-1, 1] with wavelengths of 12 to 30 mm. */
        double field(double[] p) {
            return sum(fieldTerms, p[0], p[1], p[2]);
        }

        /** Finer noise in [-1, 1] (4 to 10 mm) for the tumour's own texture. */
        double heterogeneity(double[] p) {
            return sum(textureTerms, p[0], p[1], p[2]);
        }
    }
}
