package io.segstream.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.dicom.DicomMutator.Base;
import io.segstream.dicom.DicomMutator.Mutant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a seeded corpus of malformed inputs through the path a study takes, and requires every
 * one to end in a {@link StudyFailedException} with a {@link FailureReason}: never another
 * exception, an OutOfMemoryError or a hang, and a message that names the file but not the
 * patient. Prints which reasons each family of inputs met.
 *
 * <p>Content families come from {@link DicomMutator} and go through
 * {@link SeriesReader#readAttributes} and {@link SeriesReader#read}; locations outside the
 * storage roots go through {@code InstanceLocator} ({@link LocationCorpus}).
 *
 * <p>To inspect the corpus, run {@code ./mvnw -o test -Dtest=MalformedInputCorpusTest
 * -Dsegstream.corpus.dir=/tmp/corpus}: every content mutant is also written there.
 */
class MalformedInputCorpusTest {

    static final long SEED = 20260105L;
    static final Duration PER_CASE = Duration.ofSeconds(10);
    static final String UNREADABLE = "unreadable";

    /** What a file's content, as opposed to its location or readability, may fail with. */
    private static final Set<FailureReason> CONTENT_REASONS = EnumSet.of(
            FailureReason.MALFORMED_DICOM, FailureReason.UNSUPPORTED_TRANSFER_SYNTAX,
            FailureReason.UNSUPPORTED_SERIES, FailureReason.INCONSISTENT_GEOMETRY);

    /** The patient identity of the valid inputs, none of which a message may carry. */
    static final List<String> PATIENT_IDENTITY = List.of(SyntheticSeries.PATIENT_NAME,
            "Müller", "Jürgen", "M\u00c3\u00bcller", SyntheticSeries.PATIENT_ID, "19700101",
            "CompressedSamples", "4MR1");

    /** Family, then reason, then how many inputs of the family failed with it. */
    private static final Map<String, Map<FailureReason, Integer>> SEEN = new ConcurrentHashMap<>();

    @TempDir
    static Path workspace;

    private static List<Mutant> mutants;
    private final SeriesReader reader = new SeriesReader();

    @BeforeAll
    static void buildCorpus() throws Exception {
        mutants = new DicomMutator(SEED).corpus(bases(workspace.resolve("bases")), compressed());
        String dump = System.getProperty("segstream.corpus.dir");
        if (dump != null && !dump.isBlank()) {
            Path folder = Files.createDirectories(Path.of(dump));
            for (Mutant mutant : mutants) {
                mutant.writeInto(folder);
            }
        }
    }

    /** A made-up slice with a patient identity, a tiny made-up slice, and pydicom's MR_small. */
    static List<Base> bases(Path folder) throws Exception {
        Files.createDirectories(folder);
        SyntheticSeries synthetic = new SyntheticSeries();
        synthetic.slices = 1;
        Path syntheticFile = synthetic.write(Files.createDirectories(folder.resolve("s"))).get(0);
        Path tinyFile = TinySeries.T1.write(folder.resolve("t"), "2.25.71", "2.25.72", 1).get(0);
        return List.of(new Base("synthetic", Files.readAllBytes(syntheticFile)),
                new Base("tiny", Files.readAllBytes(tinyFile)),
                new Base("mrsmall", Files.readAllBytes(
                        PydicomTestFilesTest.fixture("MR_small.dcm"))));
    }

    /** pydicom's MR_small in RLE Lossless. */
    static Base compressed() throws Exception {
        return new Base("mrsmall-rle",
                Files.readAllBytes(PydicomTestFilesTest.fixture("MR_small_RLE.dcm")));
    }

    @Test
    void everyValidInputReadsAsASeriesBeforeItIsBroken() throws Exception {
        Path folder = Files.createDirectories(workspace.resolve("valid"));
        List<Base> valid = new ArrayList<>(bases(workspace.resolve("valid-bases")));
        valid.add(compressed());

        for (Base base : valid) {
            Path file = Files.write(folder.resolve(base.name() + ".dcm"), base.bytes());
            assertThat(reader.read(List.of(file)).volume().geometry().slices()).isEqualTo(1);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedFileFailsWithAContentReasonNamingTheFile() throws Exception {
        Path folder = Files.createDirectories(workspace.resolve("content"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Mutant mutant : mutants) {
            Path file = mutant.writeInto(folder);
            tests.add(DynamicTest.dynamicTest(mutant.fileName(), () -> assertFailsTyped(
                    mutant.family(), file, CONTENT_REASONS)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyUnreadableFileFailsAsUnreadableWithoutHanging() throws Exception {
        Path folder = Files.createDirectories(workspace.resolve("unreadable"));
        return UnreadableFiles.create(folder).stream().map(file -> DynamicTest.dynamicTest(
                String.valueOf(file.getFileName()), () -> assertFailsTyped(UNREADABLE, file,
                        EnumSet.of(FailureReason.INSTANCE_UNREADABLE))));
    }

    @TestFactory
    Stream<DynamicTest> everyLocationOutsideTheRootsIsRefusedBeforeItIsOpened() throws Exception {
        LocationCorpus corpus = LocationCorpus.create(workspace.resolve("locations"));
        return corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            StudyFailedException e = assertTimeoutPreemptively(PER_CASE,
                    () -> assertThrows(StudyFailedException.class, () -> corpus.locate(c)));

            assertThat(e.reason()).isEqualTo(FailureReason.LOCATION_NOT_ALLOWED);
            assertNamesFileNotPatient(e, c.expectedName());
            record(LocationCorpus.FAMILY, e.reason());
        }));
    }

    @Test
    void anOddMetaLengthThatHidesTheTransferSyntaxFailsBeforePixelMedAllocates()
            throws Exception {
        // PixelMed parses this 10 KB file with a guessed encoding and allocates about 800 MB.
        Mutant shifted = mutants.stream().filter(m -> m.fileName().equals(
                "element-length-mrsmall-FileMetaInformationVersion-odd.dcm")).findFirst()
                .orElseThrow();
        Path file = shifted.writeInto(Files.createDirectories(workspace.resolve("shifted")));

        StudyFailedException e = assertThrows(StudyFailedException.class,
                () -> reader.readAttributes(file));

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_DICOM);
        assertThat(e.getMessage()).contains("before its Transfer Syntax UID (0002,0010)");
    }

    @Test
    void corpusHoldsAtLeastOneHundredMalformedInputsInEveryFamily() throws Exception {
        Map<String, Long> perFamily = new TreeMap<>();
        mutants.forEach(m -> perFamily.merge(m.family(), 1L, Long::sum));

        assertThat(perFamily.keySet()).containsExactlyInAnyOrder(DicomMutator.TRUNCATED,
                DicomMutator.ELEMENT_LENGTH, DicomMutator.VALUE_REPRESENTATION,
                DicomMutator.DIMENSIONS, DicomMutator.PIXEL_DATA_SHORT, DicomMutator.GEOMETRY,
                DicomMutator.NOT_DICOM);
        assertThat(mutants.size()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void sameSeedMakesTheSameCorpus() throws Exception {
        List<Base> bases = bases(workspace.resolve("again"));

        List<Mutant> again = new DicomMutator(SEED).corpus(bases, compressed());

        assertThat(again).hasSameSizeAs(mutants);
        for (int i = 0; i < again.size(); i++) {
            assertThat(again.get(i).fileName()).isEqualTo(mutants.get(i).fileName());
            assertThat(Arrays.equals(again.get(i).bytes(), mutants.get(i).bytes()))
                    .as(mutants.get(i).fileName()).isTrue();
        }
    }

    private void assertFailsTyped(String family, Path file, Set<FailureReason> allowed) {
        StudyFailedException e = assertTimeoutPreemptively(PER_CASE, () -> {
            readAttributesFailsTypedOrSucceeds(file);
            return assertThrows(StudyFailedException.class, () -> reader.read(List.of(file)),
                    () -> file.getFileName() + " was read as a valid series");
        });

        assertThat(allowed).contains(e.reason());
        assertNamesFileNotPatient(e, String.valueOf(file.getFileName()));
        record(family, e.reason());
    }

    /** Classification reads only the header, so it may pass where the full read fails. */
    private void readAttributesFailsTypedOrSucceeds(Path file) {
        try {
            reader.readAttributes(file);
        } catch (StudyFailedException e) {
            assertNamesFileNotPatient(e, String.valueOf(file.getFileName()));
        }
    }

    static void assertNamesFileNotPatient(StudyFailedException e, String fileName) {
        assertThat(e.getMessage()).isNotBlank().contains(fileName)
                .doesNotContain(PATIENT_IDENTITY);
    }

    private static void record(String family, FailureReason reason) {
        SEEN.computeIfAbsent(family, f -> new ConcurrentHashMap<>()).merge(reason, 1,
                Integer::sum);
    }

    @AfterAll
    static void printSummary() {
        StringBuilder table = new StringBuilder(String.format("%nmalformed-input corpus "
                + "(seed %d): family | inputs | reasons%n", SEED));
        int total = 0;
        for (var family : new TreeMap<>(SEEN).entrySet()) {
            int count = family.getValue().values().stream().mapToInt(Integer::intValue).sum();
            total += count;
            table.append(String.format("  %-22s | %4d | %s%n", family.getKey(), count,
                    new TreeMap<>(family.getValue())));
        }
        table.append(String.format("  %-22s | %4d |%n", "total failing as required", total));
        System.out.print(table);
    }
}
