package io.segstream.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The real Colin27 anatomy and a generator on it, loaded once for all test classes. */
final class Fixtures {

    private static Anatomy anatomy;
    private static PhantomGenerator generator;

    private Fixtures() {
    }

    static synchronized Anatomy anatomy() {
        if (anatomy == null) {
            try {
                anatomy = Anatomy.loadColin27();
            } catch (IOException e) {
                throw new UncheckedIOException("Colin27 is missing: run scripts/setup.sh "
                        + "(Debian package mricron-data)", e);
            }
        }
        return anatomy;
    }

    static synchronized PhantomGenerator generator() {
        if (generator == null) {
            generator = new PhantomGenerator(anatomy());
        }
        return generator;
    }

    /** Mean of the image over voxels where the mask is set. */
    static double mean(float[] image, boolean[] mask) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < image.length; i++) {
            if (mask[i]) {
                sum += image[i];
                count++;
            }
        }
        return sum / count;
    }
}
