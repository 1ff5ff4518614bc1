package io.segstream.phantom;

import static io.segstream.phantom.TissueModel.CSF;
import static io.segstream.phantom.TissueModel.GREY_MATTER;
import static io.segstream.phantom.TissueModel.WHITE_MATTER;

import java.util.EnumMap;
import java.util.Map;

/**
 * Tissue intensities of each sequence (12-bit stored values) and the noise-free, tumour-free
 * images built from them.
 *
 * <p>Inside the brain a voxel is the membership-weighted sum of the sequence's tissue means plus
 * the real T1's residual around its own tissue model, scaled by the sequence's grey/white
 * contrast (negative for T2 and FLAIR, so texture follows the inverted contrast). Outside the
 * brain, head tissue is remapped by a piecewise-linear table of the T1 intensity, because scalp
 * fat, muscle, bone and extra-cerebral fluid cannot be told apart any better from one T1.
 */
final class ContrastModel {

    /** White matter is placed here on T1, leaving room for fat and enhancement below 4095. */
    private static final double T1_WHITE_MATTER = 1400;

    private static final double[] HEAD_NODES = {0, 0.12, 0.35, 0.75, 1.0, 1.6, 3.0};
    private static final Map<Sequence, double[]> HEAD_VALUES = Map.of(
            Sequence.T2, new double[] {30, 150, 2000, 650, 700, 1500, 1700},
            Sequence.FLAIR, new double[] {30, 100, 350, 800, 850, 1500, 1700});

    private final Anatomy anatomy;
    private final double scale;
    private final Map<Sequence, double[]> means = new EnumMap<>(Sequence.class);

    ContrastModel(Anatomy anatomy) {
        this.anatomy = anatomy;
        TissueModel tissues = anatomy.tissues();
        this.scale = T1_WHITE_MATTER / tissues.centre(WHITE_MATTER);
        double[] t1 = {tissues.centre(CSF) * scale, tissues.centre(GREY_MATTER) * scale,
            T1_WHITE_MATTER};
        means.put(Sequence.T1, t1);
        means.put(Sequence.T1C, t1);
        means.put(Sequence.T2, new double[] {2400, 1150, 800});
        means.put(Sequence.FLAIR, new double[] {200, 1250, 950});
    }

    /** Mean stored value of a tissue class (TissueModel.CSF, ...) on a sequence. */
    double mean(Sequence sequence, int tissue) {
        return means.get(sequence)[tissue];
    }

    Map<Sequence, float[]> baseImages() {
        Map<Sequence, float[]> images = new EnumMap<>(Sequence.class);
        for (Sequence sequence : Sequence.values()) {
            images.put(sequence, baseImage(sequence));
        }
        addContrastUptake(images.get(Sequence.T1C));
        return images;
    }

    private float[] baseImage(Sequence sequence) {
        float[] t1 = anatomy.t1();
        boolean[] head = anatomy.head();
        boolean[] brain = anatomy.brain();
        float[] out = new float[t1.length];
        double gain = textureGain(sequence);
        for (int i = 0; i < t1.length; i++) {
            if (brain[i]) {
                out[i] = (float) brainValue(sequence, i, gain);
            } else if (head[i]) {
                out[i] = (float) headValue(sequence, t1[i] * scale / T1_WHITE_MATTER);
            }
        }
        return out;
    }

    private double brainValue(Sequence sequence, int i, double gain) {
        TissueModel tissues = anatomy.tissues();
        double[] mean = means.get(sequence);
        double weights = 0;
        double model = 0;
        double value = 0;
        for (int k = 0; k < 3; k++) {
            double u = tissues.membership(k, i);
            weights += u;
            model += u * tissues.centre(k);
            value += u * mean[k];
        }
        double residual = anatomy.t1()[i] - model / weights;
        return value / weights + gain * residual;
    }

    /** Stored units per T1 unit of texture: the sequence's white-minus-grey contrast ratio. */
    private double textureGain(Sequence sequence) {
        double[] t1 = means.get(Sequence.T1);
        double[] own = means.get(sequence);
        double ratio = (own[WHITE_MATTER] - own[GREY_MATTER])
                / (t1[WHITE_MATTER] - t1[GREY_MATTER]);
        double magnitude = Math.min(1.5, Math.max(0.3, Math.abs(ratio)));
        return Math.copySign(magnitude, ratio) * scale;
    }

    private double headValue(Sequence sequence, double relativeT1) {
        double[] values = HEAD_VALUES.get(sequence);
        if (values == null) {
            return relativeT1 * T1_WHITE_MATTER;
        }
        double x = Math.min(relativeT1, HEAD_NODES[HEAD_NODES.length - 1]);
        int k = 1;
        while (k < HEAD_NODES.length - 1 && x > HEAD_NODES[k]) {
            k++;
        }
        double t = (x - HEAD_NODES[k - 1]) / (HEAD_NODES[k] - HEAD_NODES[k - 1]);
        return values[k - 1] + Math.max(0, Math.min(1, t)) * (values[k] - values[k - 1]);
    }

    /**
     * Mild gadolinium uptake outside the blood-brain barrier: dura (a thin shell just outside
     * the brain), vessels in superficial sulci and choroid plexus in deep CSF, the last two as
     * patchy spots of a fixed smooth pattern.
     */
    private void addContrastUptake(float[] t1c) {
        Grid grid = anatomy.grid();
        float[] depth = anatomy.brainDepthMm();
        float[] outside = anatomy.distanceOutsideBrainMm();
        boolean[] head = anatomy.head();
        double vessel = 1.3 * T1_WHITE_MATTER;
        for (int s = 0, i = 0; s < grid.slices(); s++) {
            for (int r = 0; r < grid.rows(); r++) {
                for (int c = 0; c < grid.columns(); c++, i++) {
                    if (!head[i]) {
                        continue;
                    }
                    if (depth[i] == 0) {
                        t1c[i] *= duraFactor(outside[i], t1c[i]);
                        continue;
                    }
                    boolean superficial = depth[i] < 8;
                    boolean deep = depth[i] > 18;
                    double fluid = anatomy.tissues().membership(CSF, i);
                    if ((superficial || deep) && fluid > 0.5) {
                        double w = 0.7 * fluid * spots(s, r, c);
                        t1c[i] = (float) (t1c[i] + w * (vessel - t1c[i]));
                    }
                }
            }
        }
    }

    private static float duraFactor(float distanceOutsideMm, float value) {
        boolean softTissue = value > 0.25 * T1_WHITE_MATTER && value < 1.3 * T1_WHITE_MATTER;
        return distanceOutsideMm <= 3 && softTissue ? 1.3f : 1f;
    }

    /** A fixed smooth pattern in [0, 1], zero over most of the volume. */
    private static double spots(int s, int r, int c) {
        double sum = Math.cos(0.71 * c + 0.37 * r) + Math.cos(0.53 * r - 0.61 * s + 1.3)
                + Math.cos(0.67 * s + 0.43 * c + 2.1);
        return Math.max(0, sum / 3 - 0.45) / 0.55;
    }

    /** The stored value a tumour compartment tends to on a sequence. */
    double tumourValue(Sequence sequence, Compartment compartment, Tumour tumour) {
        double csf = mean(sequence, CSF);
        double grey = mean(sequence, GREY_MATTER);
        double white = mean(sequence, WHITE_MATTER);
        double value = switch (compartment) {
            case OEDEMA -> oedema(sequence, csf, grey) * oedemaFactor(sequence, tumour);
            case ENHANCING -> enhancing(sequence, csf, grey, white, tumour.enhancement());
            case NECROTIC -> necrotic(sequence, csf, grey, tumour.coreSignal());
            case NON_ENHANCING -> nonEnhancing(sequence, csf, grey, tumour.coreSignal());
        };
        return Math.min(3900, Math.max(20, value));
    }

    private static double oedemaFactor(Sequence sequence, Tumour tumour) {
        boolean fluidSensitive = sequence == Sequence.T2 || sequence == Sequence.FLAIR;
        return fluidSensitive ? tumour.oedemaSignal() : 1;
    }

    private static double oedema(Sequence sequence, double csf, double grey) {
        return switch (sequence) {
            case T1, T1C -> 0.9 * grey;
            case T2 -> grey + 0.55 * (csf - grey);
            case FLAIR -> 1.45 * grey;
        };
    }

    private static double enhancing(Sequence sequence, double csf, double grey, double white,
            double enhancement) {
        return switch (sequence) {
            case T1 -> 0.9 * grey;
            case T1C -> 1.55 * white * enhancement;
            case T2 -> grey + 0.35 * (csf - grey);
            case FLAIR -> 1.25 * grey;
        };
    }

    private static double necrotic(Sequence sequence, double csf, double grey, double signal) {
        return switch (sequence) {
            case T1, T1C -> csf + 0.3 * (grey - csf);
            case T2 -> grey + 0.8 * signal * (csf - grey);
            case FLAIR -> 1.15 * grey * signal;
        };
    }

    private static double nonEnhancing(Sequence sequence, double csf, double grey,
            double signal) {
        return switch (sequence) {
            case T1, T1C -> 0.8 * grey;
            case T2 -> grey + 0.6 * signal * (csf - grey);
            case FLAIR -> 1.5 * grey * signal;
        };
    }

    /** The parts of a tumour that look different; label values are in {@link Labels}. */
    enum Compartment {
        OEDEMA,
        ENHANCING,
        NECROTIC,
        NON_ENHANCING
    }
}
