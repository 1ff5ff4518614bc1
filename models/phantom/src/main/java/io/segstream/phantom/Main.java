package io.segstream.phantom;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Command line: {@code java -jar segstream-phantom.jar --seed 7 --out DIR [--tumours
 * sample|training] [--layout dicom|brats] [--head ch2.nii.gz --brain ch2bet.nii.gz]}. Writes
 * one study (DICOM series, or one case of a BraTS-layout dataset under DIR) and prints a short
 * summary. Exit status 2 means a usage error: a bad option, or a --head, --brain or --out path
 * that cannot be used, found before any work. Exit status 1 means reading the anatomy or
 * writing the study failed. A bad option prints its problem and the usage; a path or I/O
 * problem prints one {@code error:} line naming the path and what to do.
 */
public final class Main {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    /**
     * The largest seed: the DICOM Accession Number {@code PHANTOM<seed>} is a Short String of
     * at most 16 characters, so the seed has at most 9 digits.
     */
    static final long MAX_SEED = 999_999_999L;

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar segstream-phantom.jar --seed N --out DIR"
                    + " [--tumours sample|training]",
            "           [--layout dicom|brats] [--head T1.nii.gz --brain BRAIN.nii.gz]",
            "  N is 0.." + MAX_SEED + ". Exit status: 0 written; 2 bad options or a path"
                    + " that cannot be used;",
            "  1 reading the anatomy or writing the study failed.");

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command and returns its exit status; it never calls {@code System.exit}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }

        Optional<String> problem = pathProblem(arguments);
        if (problem.isPresent()) {
            err.println("error: " + problem.get());
            return EXIT_USAGE;
        }

        try {
            Files.createDirectories(arguments.out());
        } catch (IOException e) {
            err.println("error: --out " + arguments.out() + " cannot be created ("
                    + PathChecks.describe(e) + "): give a folder you can write to");
            return EXIT_USAGE;
        }

        return generate(arguments, out, err);
    }

    private static Optional<String> pathProblem(Arguments arguments) {
        return PathChecks.unreadableFile("--head", arguments.head())
                .or(() -> PathChecks.unreadableFile("--brain", arguments.brain()))
                .or(() -> PathChecks.unusableFolder("--out", arguments.out()));
    }

    private static int generate(Arguments arguments, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        Anatomy anatomy;
        try {
            anatomy = Anatomy.load(arguments.head(), arguments.brain());
        } catch (IOException | UncheckedIOException e) {
            err.println("error: cannot read the anatomy from --head " + arguments.head()
                    + " and --brain " + arguments.brain() + " (" + describe(e)
                    + "): give NIfTI-1 images of one head on one grid");
            return EXIT_FAILED;
        }

        TumourOptions options = arguments.trainingTumours() ? TumourOptions.training()
                : TumourOptions.sampleStudy();
        PhantomStudy study = new PhantomGenerator(anatomy).generate(arguments.seed(), options);

        try {
            write(arguments, study, out, start);
        } catch (IOException | UncheckedIOException e) {
            err.println("error: cannot write the study under --out " + arguments.out() + " ("
                    + describe(e) + "): check the folder is writable and the disk has room");
            return EXIT_FAILED;
        }
        return 0;
    }

    private static String describe(Exception e) {
        return PathChecks.describe(e instanceof UncheckedIOException unchecked
                ? unchecked.getCause() : (IOException) e);
    }

    private static void write(Arguments arguments, PhantomStudy study, PrintStream out,
            long start) throws IOException {
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
            long seed;
            try {
                seed = Long.parseLong(required("--seed", value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed must be an integer, got " + value);
            }
            if (seed < 0 || seed > MAX_SEED) {
                throw new IllegalArgumentException("--seed must be from 0 to " + MAX_SEED
                        + ", got " + value + ": give a non-negative seed of at most 9 digits");
            }
            return seed;
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
