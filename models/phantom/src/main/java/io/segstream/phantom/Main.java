package io.segstream.phantom;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Command line: {@code java -jar segstream-phantom.jar --seed 7 --out DIR [--tumours
 * sample|training] [--layout dicom|brats] [--head ch2.nii.gz --brain ch2bet.nii.gz]}. Writes
 * one study (DICOM series, or one case of a BraTS-layout dataset under DIR) and prints a short
 * summary. Exit status 2 means a usage error.
 */
public final class Main {

    private static final String USAGE = "usage: java -jar segstream-phantom.jar --seed N "
            + "--out DIR [--tumours sample|training] [--layout dicom|brats]"
            + " [--head T1.nii.gz --brain BRAIN.nii.gz]";

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("segstream-phantom: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        run(arguments, System.out);
    }

    static void run(Arguments arguments, PrintStream out) throws IOException {
        long start = System.nanoTime();
        Anatomy anatomy = Anatomy.load(arguments.head(), arguments.brain());
        TumourOptions options = arguments.trainingTumours() ? TumourOptions.training()
                : TumourOptions.sampleStudy();
        PhantomStudy study = new PhantomGenerator(anatomy).generate(arguments.seed(), options);
        if (arguments.bratsLayout()) {
            Path folder = BratsCaseWriter.write(study, arguments.out());
            out.printf("Synthetic study, seed %d, as BraTS-layout case %s (%.1f s)%n",
                    arguments.seed(), folder.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
            return;
        }
        StudyManifest manifest = SampleStudyWriter.write(study, arguments.out());
        printSummary(out, manifest, study, (System.nanoTime() - start) / 1e9);
    }

    private static void printSummary(PrintStream out, StudyManifest manifest, PhantomStudy study,
            double seconds) {
        out.printf("Synthetic study, seed %d, patient %s -> %s (%.1f s)%n", manifest.seed(),
                manifest.patientId(), manifest.directory().toAbsolutePath(), seconds);
        for (StudyManifest.Series series : manifest.series()) {
            out.printf("  %-6s %-18s %3d instances in %s/%n", series.sequence(),
                    series.seriesDescription(), series.instanceCount(), series.folder());
        }
        out.printf("  tumours: %d; ground truth %s%n", manifest.tumours().size(),
                SampleStudyWriter.GROUND_TRUTH);
        out.printf("  necrotic/non-enhancing core (1): %6.1f mL%n",
                study.volumeMl(Labels.NECROTIC_CORE));
        out.printf("  oedema (2):                      %6.1f mL%n", study.volumeMl(Labels.OEDEMA));
        out.printf("  enhancing tumour (4):            %6.1f mL%n",
                study.volumeMl(Labels.ENHANCING_TUMOUR));
        out.println("  Anatomy: real Colin27 T1; T1c/T2/FLAIR, noise and tumours: synthetic.");
    }

    /** Parsed command-line arguments. */
    record Arguments(long seed, Path out, boolean trainingTumours, boolean bratsLayout, Path head,
            Path brain) {

        static Arguments parse(String[] args) {
            Long seed = null;
            Path out = null;
            boolean training = false;
            boolean brats = false;
            Path head = Anatomy.COLIN27_HEAD;
            Path brain = Anatomy.COLIN27_BRAIN;
            for (int k = 0; k < args.length; k++) {
                String value = k + 1 < args.length ? args[k + 1] : null;
                switch (args[k]) {
                    case "--seed" -> seed = parseSeed(value);
                    case "--out" -> out = Path.of(required("--out", value));
                    case "--tumours" -> training = either("--tumours", value, "sample", "training");
                    case "--layout" -> brats = either("--layout", value, "dicom", "brats");
                    case "--head" -> head = Path.of(required("--head", value));
                    case "--brain" -> brain = Path.of(required("--brain", value));
                    default -> throw new IllegalArgumentException("unknown option " + args[k]);
                }
                k++;
            }
            if (seed == null || out == null) {
                throw new IllegalArgumentException("--seed and --out are required");
            }
            return new Arguments(seed, out, training, brats, head, brain);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }

        private static long parseSeed(String value) {
            try {
                return Long.parseLong(required("--seed", value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed must be an integer, got " + value);
            }
        }

        /** A two-valued option: false for the first value, true for the second. */
        private static boolean either(String option, String value, String no, String yes) {
            String given = required(option, value);
            if (given.equals(no) || given.equals(yes)) {
                return given.equals(yes);
            }
            throw new IllegalArgumentException(
                    option + " must be " + no + " or " + yes + ", got " + value);
        }
    }
}
