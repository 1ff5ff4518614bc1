package io.segstream.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhantomGeneratorTest {

    private static PhantomStudy sample;

    private static synchronized PhantomStudy sampleStudy() {
        if (sample == null) {
            sample = Fixtures.generator().generate(7, TumourOptions.sampleStudy());
        }
        return sample;
    }

    @Test
    void generatesIdenticalStudiesForTheSameSeed() {
        PhantomGenerator generator = Fixtures.generator();

        PhantomStudy first = generator.generate(11, TumourOptions.training());
        PhantomStudy second = generator.generate(11, TumourOptions.training());

        assertEquals(first.tumours(), second.tumours());
        assertArrayEquals(first.labels(), second.labels());
        for (Sequence sequence : Sequence.values()) {
            assertArrayEquals(first.image(sequence), second.image(sequence), sequence.name());
        }
    }

    @Test
    void generatesDifferentNoiseForDifferentSeeds() {
        PhantomGenerator generator = Fixtures.generator();

        PhantomStudy first = generator.generate(1, TumourOptions.sampleStudy());
        PhantomStudy second = generator.generate(2, TumourOptions.sampleStudy());

        assertFalse(Arrays.equals(first.image(Sequence.T2), second.image(Sequence.T2)));
        assertFalse(first.tumours().equals(second.tumours()));
    }

    @Test
    void airIsZeroInEverySequence() {
        PhantomStudy study = sampleStudy();
        boolean[] head = Fixtures.anatomy().headMask();

        for (Sequence sequence : Sequence.values()) {
            float[] image = study.image(sequence);
            for (int i = 0; i < image.length; i++) {
                float value = image[i];
                boolean stored = value == Math.rint(value) && value >= 0 && value <= 4095;
                boolean zeroExactlyInAir = head[i] == (value != 0);
                if (!stored || !zeroExactlyInAir) {
                    throw new AssertionError(sequence + " voxel " + i + " is " + value
                            + " (head: " + head[i] + ")");
                }
            }
        }
    }

    @Test
    void sampleStudyHasOneMediumTumourWithAllThreeLabels() {
        PhantomStudy study = sampleStudy();

        assertEquals(1, study.tumours().size());
        assertTrue(study.volumeMl(Labels.NECROTIC_CORE) > 1, "necrotic core");
        assertTrue(study.volumeMl(Labels.ENHANCING_TUMOUR) > 3, "enhancing tumour");
        assertTrue(study.volumeMl(Labels.OEDEMA) > 20, "oedema");
        double core = study.volumeMl(Labels.NECROTIC_CORE)
                + study.volumeMl(Labels.ENHANCING_TUMOUR);
        assertTrue(core > 8 && core < 40, "tumour core " + core + " mL");
    }

    @Test
    void labelsNestNecroticCoreInsideEnhancingRimInsideOedema() {
        PhantomStudy study = sampleStudy();

        double necroticTouchingOnlyCore = neighbourFraction(study, Labels.NECROTIC_CORE,
                Set.of(Labels.NECROTIC_CORE, Labels.ENHANCING_TUMOUR));
        double rimTouchingTumour = neighbourFraction(study, Labels.ENHANCING_TUMOUR,
                Set.of(Labels.NECROTIC_CORE, Labels.ENHANCING_TUMOUR, Labels.OEDEMA));

        assertEquals(1.0, necroticTouchingOnlyCore, 0.001);
        // Oedema spares CSF, so a sulcus may let the rim touch background here and there.
        assertEquals(1.0, rimTouchingTumour, 0.05);
    }

    @Test
    void placesLabelsAroundTheRecordedTumourCentre() {
        PhantomStudy study = sampleStudy();
        Grid grid = study.grid();
        Tumour tumour = study.tumours().get(0);

        double[] centroid = coreCentroid(study);

        double distance = Math.sqrt(Math.pow(centroid[0] - tumour.centreX(), 2)
                + Math.pow(centroid[1] - tumour.centreY(), 2)
                + Math.pow(centroid[2] - tumour.centreZ(), 2));
        assertTrue(distance < 0.3 * tumour.meanRadiusMm(), "centroid is " + distance
                + " mm from the centre; grid " + grid);
    }

    @Test
    void keepsTissueContrastsOfEachSequence() {
        PhantomStudy study = sampleStudy();
        boolean[][] tissue = pureTissueMasks(study);

        double[] t1 = tissueMeans(study.image(Sequence.T1), tissue);
        double[] t2 = tissueMeans(study.image(Sequence.T2), tissue);
        double[] flair = tissueMeans(study.image(Sequence.FLAIR), tissue);

        assertTrue(t1[2] > t1[1] && t1[1] > t1[0], "T1 CSF/GM/WM " + Arrays.toString(t1));
        assertTrue(t2[0] > 1.5 * t2[1] && t2[1] > t2[2], "T2 " + Arrays.toString(t2));
        assertTrue(flair[1] > flair[2] && flair[2] > flair[0], "FLAIR " + Arrays.toString(flair));
    }

    @Test
    void showsTumourCompartmentsAsRadiologistsExpect() {
        PhantomStudy study = sampleStudy();
        boolean[][] tissue = pureTissueMasks(study);
        boolean[] necrotic = labelMask(study, Labels.NECROTIC_CORE);
        boolean[] rim = labelMask(study, Labels.ENHANCING_TUMOUR);
        boolean[] oedema = labelMask(study, Labels.OEDEMA);

        double whiteT1c = Fixtures.mean(study.image(Sequence.T1C), tissue[2]);
        double whiteT2 = Fixtures.mean(study.image(Sequence.T2), tissue[2]);
        double greyFlair = Fixtures.mean(study.image(Sequence.FLAIR), tissue[1]);

        assertTrue(Fixtures.mean(study.image(Sequence.T1C), rim) > 1.2 * whiteT1c, "rim on T1c");
        assertTrue(Fixtures.mean(study.image(Sequence.T1C), necrotic) < whiteT1c, "necrosis T1c");
        assertTrue(Fixtures.mean(study.image(Sequence.T2), necrotic) > 1.5 * whiteT2,
                "necrosis on T2");
        assertTrue(Fixtures.mean(study.image(Sequence.T2), oedema) > 1.3 * whiteT2, "oedema T2");
        assertTrue(Fixtures.mean(study.image(Sequence.FLAIR), oedema) > 1.1 * greyFlair,
                "oedema on FLAIR");
    }

    @Test
    void trainingOptionsVaryTumourCountWithSomeTumourFreeStudies() {
        TumourSampler sampler = new TumourSampler(Fixtures.anatomy());
        int[] counts = new int[3];
        Set<Boolean> enhancing = new HashSet<>();
        Set<Boolean> necrotic = new HashSet<>();

        for (long seed = 0; seed < 300; seed++) {
            var tumours = sampler.sample(TumourOptions.training(), new SplittableRandom(seed));
            counts[tumours.size()]++;
            tumours.forEach(t -> {
                enhancing.add(t.enhancing());
                necrotic.add(t.necrotic());
            });
        }

        assertTrue(counts[0] > 10 && counts[0] < 60, "tumour-free studies: " + counts[0]);
        assertTrue(counts[1] > 60 && counts[2] > 60, "counts " + Arrays.toString(counts));
        assertEquals(Set.of(true, false), enhancing);
        assertEquals(Set.of(true, false), necrotic);
    }

    private static double neighbourFraction(PhantomStudy study, byte label, Set<Byte> allowed) {
        Grid grid = study.grid();
        byte[] labels = study.labels();
        int[] steps = {1, -1, grid.columns(), -grid.columns(), grid.sliceSize(),
            -grid.sliceSize()};
        long total = 0;
        long inside = 0;
        for (int i = grid.sliceSize(); i < labels.length - grid.sliceSize(); i++) {
            if (labels[i] != label) {
                continue;
            }
            for (int step : steps) {
                total++;
                inside += allowed.contains(labels[i + step]) ? 1 : 0;
            }
        }
        return (double) inside / total;
    }

    private static double[] coreCentroid(PhantomStudy study) {
        Grid grid = study.grid();
        double[] sum = new double[3];
        long count = 0;
        for (int s = 0; s < grid.slices(); s++) {
            for (int r = 0; r < grid.rows(); r++) {
                for (int c = 0; c < grid.columns(); c++) {
                    byte label = study.labels()[grid.index(s, r, c)];
                    if (label == Labels.NECROTIC_CORE || label == Labels.ENHANCING_TUMOUR) {
                        double[] p = grid.patientPosition(s, r, c);
                        for (int k = 0; k < 3; k++) {
                            sum[k] += p[k];
                        }
                        count++;
                    }
                }
            }
        }
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    /** Voxels outside the tumour with membership above 0.9 in CSF, grey or white matter. */
    private static boolean[][] pureTissueMasks(PhantomStudy study) {
        TissueModel tissues = Fixtures.anatomy().tissues();
        boolean[][] masks = new boolean[3][study.labels().length];
        for (int i = 0; i < study.labels().length; i++) {
            for (int k = 0; k < 3; k++) {
                masks[k][i] = study.labels()[i] == 0 && tissues.membership(k, i) > 0.9f;
            }
        }
        return masks;
    }

    private static double[] tissueMeans(float[] image, boolean[][] masks) {
        return new double[] {Fixtures.mean(image, masks[0]), Fixtures.mean(image, masks[1]),
            Fixtures.mean(image, masks[2])};
    }

    private static boolean[] labelMask(PhantomStudy study, byte label) {
        boolean[] mask = new boolean[study.labels().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = study.labels()[i] == label;
        }
        return mask;
    }
}
