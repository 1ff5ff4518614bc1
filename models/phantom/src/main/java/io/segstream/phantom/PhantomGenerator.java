package io.segstream.phantom;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes synthetic four-sequence studies on a real anatomy. The same seed and options always give
 * the same study. Thread-safe: the tumour-free images are built once, in the constructor.
 */
public final class PhantomGenerator {

    /** Noise standard deviation as a fraction of the sequence's grey-matter mean. */
    private static final double RELATIVE_NOISE = 0.025;

    private final Anatomy anatomy;
    private final ContrastModel contrast;
    private final Map<Sequence, float[]> baseImages;
    private final TumourSampler sampler;
    private final TumourPainter painter;

    public PhantomGenerator(Anatomy anatomy) {
        this.anatomy = anatomy;
        this.contrast = new ContrastModel(anatomy);
        this.baseImages = contrast.baseImages();
        this.sampler = new TumourSampler(anatomy);
        this.painter = new TumourPainter(anatomy, contrast);
    }

    public Grid grid() {
        return anatomy.grid();
    }

    public PhantomStudy generate(long seed, TumourOptions options) {
        List<Tumour> tumours = sampler.sample(options, new SplittableRandom(mix(seed, 1)));
        Map<Sequence, float[]> images = new EnumMap<>(Sequence.class);
        baseImages.forEach((sequence, image) -> images.put(sequence, image.clone()));
        byte[] labels = new byte[anatomy.grid().voxelCount()];
        for (Tumour tumour : tumours) {
            painter.paint(tumour, images, labels);
        }
        for (Sequence sequence : Sequence.values()) {
            double sigma = RELATIVE_NOISE * contrast.mean(sequence, TissueModel.GREY_MATTER);
            SplittableRandom random = new SplittableRandom(mix(seed, 100 + sequence.ordinal()));
            Acquisition.apply(anatomy.grid(), anatomy.head(), images.get(sequence), sigma, random);
        }
        return new PhantomStudy(seed, anatomy.grid(), images, labels, tumours);
    }

    /** Independent streams per purpose, so adding a draw to one never shifts the others. */
    private static long mix(long seed, long stream) {
        return new SplittableRandom(seed ^ (stream * 0x9E3779B97F4A7C15L)).nextLong();
    }
}
