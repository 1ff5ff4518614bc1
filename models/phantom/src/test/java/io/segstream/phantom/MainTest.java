package io.segstream.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void defaultsToTheSampleTumourAndColin27() {
        Main.Arguments arguments = Main.Arguments.parse(new String[] {"--seed", "7", "--out", "x"});

        assertEquals(7, arguments.seed());
        assertEquals(Path.of("x"), arguments.out());
        assertEquals(false, arguments.trainingTumours());
        assertEquals(Anatomy.COLIN27_HEAD, arguments.head());
    }

    @Test
    void acceptsTrainingTumours() {
        Main.Arguments arguments = Main.Arguments.parse(
                new String[] {"--tumours", "training", "--seed", "3", "--out", "y"});

        assertTrue(arguments.trainingTumours());
        assertEquals(3, arguments.seed());
    }

    @Test
    void rejectsUnknownTumourOptionNamingTheValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Main.Arguments.parse(new String[] {"--seed", "1", "--out", "z",
                    "--tumours", "many"}));

        assertTrue(error.getMessage().contains("many"), error.getMessage());
    }

    @Test
    void writesDicomUnlessAskedForTheBratsLayout() {
        String[] dicom = {"--seed", "1", "--out", "d"};
        String[] brats = {"--seed", "1", "--out", "d", "--layout", "brats"};

        assertEquals(false, Main.Arguments.parse(dicom).bratsLayout());
        assertTrue(Main.Arguments.parse(brats).bratsLayout());
        assertThrows(IllegalArgumentException.class, () -> Main.Arguments.parse(
                new String[] {"--seed", "1", "--out", "d", "--layout", "png"}));
    }

    @Test
    void requiresSeedAndOut() {
        assertThrows(IllegalArgumentException.class,
                () -> Main.Arguments.parse(new String[] {"--seed", "1"}));
    }

    @Test
    void rejectsNegativeSeedNamingTheValue() {
        int status = run("--seed", "-5", "--out", folder.resolve("study").toString());

        assertEquals(Main.EXIT_USAGE, status);
        assertTrue(errors().contains("--seed must be from 0 to 999999999, got -5"), errors());
        assertFalse(Files.exists(folder.resolve("study")));
    }

    @Test
    void acceptsSeedsUpToNineDigitsForTheAccessionNumber() {
        String[] largest = {"--seed", "999999999", "--out", "x"};
        String[] tooLong = {"--seed", "1000000000", "--out", "x"};

        assertEquals(Main.MAX_SEED, Main.Arguments.parse(largest).seed());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Main.Arguments.parse(tooLong));
        assertTrue(error.getMessage().contains("1000000000"), error.getMessage());
    }

    @Test
    void refusesAnOutputPathThatIsAnExistingFile() throws IOException {
        Path file = Files.writeString(folder.resolve("afile"), "not a folder");

        int status = run("--seed", "7", "--out", file.toString());

        assertEquals(Main.EXIT_USAGE, status);
        assertOneErrorLine("--out " + file + " is an existing file, not a folder");
    }

    @Test
    void refusesAnOutputPathBelowAFile() throws IOException {
        Path file = Files.writeString(folder.resolve("afile"), "not a folder");

        int status = run("--seed", "7", "--out", file.resolve("study").toString());

        assertEquals(Main.EXIT_USAGE, status);
        assertOneErrorLine(file + " is a file, not a folder");
    }

    @Test
    void refusesAnOutputFolderThatCannotBeCreated() {
        // Permission checks pass for root, so use a folder the kernel refuses to anyone.
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");

        int status = run("--seed", "7", "--out", "/proc/nope");

        assertEquals(Main.EXIT_USAGE, status);
        assertOneErrorLine("--out /proc/nope");
    }

    @Test
    void refusesAMissingHeadImageBeforeAnyWork() {
        Path study = folder.resolve("study");

        int status = run("--seed", "7", "--out", study.toString(),
                "--head", "/nonexistent.nii.gz");

        assertEquals(Main.EXIT_USAGE, status);
        assertOneErrorLine("--head /nonexistent.nii.gz does not exist");
        assertFalse(Files.exists(study), "the output folder was created");
    }

    @Test
    void refusesAHeadImageThatIsAFolder() {
        int status = run("--seed", "7", "--out", folder.resolve("study").toString(),
                "--head", folder.toString());

        assertEquals(Main.EXIT_USAGE, status);
        assertOneErrorLine("--head " + folder + " is a folder, not a file");
    }

    @Test
    void reportsAnUnreadableHeadImageAsAFailureNamingTheFile() throws IOException {
        Path notNifti = Files.writeString(folder.resolve("head.nii"), "not an image");

        int status = run("--seed", "7", "--out", folder.resolve("study").toString(),
                "--head", notNifti.toString());

        assertEquals(Main.EXIT_FAILED, status);
        assertOneErrorLine("cannot read the anatomy from --head " + notNifti);
    }

    @Test
    void reportsAFailedWriteNamingThePath() throws IOException {
        Path clash = Files.writeString(folder.resolve(BratsCaseWriter.caseName(7)), "in the way");

        int status = run("--seed", "7", "--out", folder.toString(), "--layout", "brats");

        assertEquals(Main.EXIT_FAILED, status);
        assertOneErrorLine(clash + ": already exists");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertOneErrorLine(String expectedPart) {
        String text = errors();
        assertTrue(text.startsWith("error: "), text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expectedPart), text);
        assertFalse(text.contains("Exception"), text);
    }
}
