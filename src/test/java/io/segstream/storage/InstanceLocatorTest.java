package io.segstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.ingest.SeriesReadyEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLocatorTest {

    @TempDir Path root;
    private final Path outside = createOutside();

    @Test
    void listsAFolderSortedByFileNameAndVerifiesItsChecksum() throws Exception {
        Path folder = Files.createDirectories(root.resolve("series"));
        Path b = write(folder.resolve("b.dcm"), "second");
        Path a = write(folder.resolve("a.dcm"), "first");
        Files.createDirectories(folder.resolve("sub"));

        List<Path> located = locator().locate(folderEvent(folder, 2, Sha256.of(List.of(a, b))));

        assertThat(located).containsExactly(a.toRealPath(), b.toRealPath());
    }

    @Test
    void keepsTheListedOrderOfInstances() throws Exception {
        Path a = write(root.resolve("a.dcm"), "first");
        Path b = write(root.resolve("b.dcm"), "second");

        List<Path> located = locator().locate(listEvent(List.of(b, a), Sha256.of(List.of(b, a))));

        assertThat(located).containsExactly(b.toRealPath(), a.toRealPath());
    }

    @Test
    void refusesDotDotLeadingOutsideTheRoots() throws Exception {
        Path secret = write(outside.resolve("secret.dcm"), "x");
        URI traversal = URI.create(root.toUri() + "../" + outside.getFileName() + "/secret.dcm");

        assertFailsWith(FailureReason.LOCATION_NOT_ALLOWED, new SeriesReadyEvent("e", "1.2",
                "1.3", "MR", 1, List.of(traversal), null, Sha256.of(List.of(secret))));
    }

    @Test
    void refusesASymbolicLinkLeadingOutsideTheRoots() throws Exception {
        Path secret = write(outside.resolve("secret.dcm"), "x");
        Path link = Files.createSymbolicLink(root.resolve("link.dcm"), secret);

        assertFailsWith(FailureReason.LOCATION_NOT_ALLOWED,
                listEvent(List.of(link), Sha256.of(List.of(secret))));
    }

    @Test
    void refusesSchemesOtherThanFile() {
        assertFailsWith(FailureReason.LOCATION_NOT_ALLOWED, new SeriesReadyEvent("e", "1.2",
                "1.3", "MR", 1, List.of(URI.create("https://pacs.example/x.dcm")), null,
                "0".repeat(64)));
    }

    @Test
    void reportsMissingInstancesAsUnreadable() {
        assertFailsWith(FailureReason.INSTANCE_UNREADABLE,
                listEvent(List.of(root.resolve("missing.dcm")), "0".repeat(64)));
    }

    @Test
    void reportsACountOtherThanAnnounced() throws Exception {
        Path a = write(root.resolve("a.dcm"), "first");

        assertFailsWith(FailureReason.INSTANCE_COUNT_MISMATCH,
                folderEvent(root, 3, Sha256.of(List.of(a))));
    }

    @Test
    void reportsAChecksumOtherThanAnnounced() throws Exception {
        write(root.resolve("a.dcm"), "first");

        assertFailsWith(FailureReason.CHECKSUM_MISMATCH, folderEvent(root, 1, "ab".repeat(32)));
    }

    private static Path createOutside() {
        try {
            return Files.createTempDirectory("segstream-outside");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private InstanceLocator locator() {
        return new InstanceLocator(List.of(root));
    }

    private void assertFailsWith(FailureReason expected, SeriesReadyEvent event) {
        assertThatThrownBy(() -> locator().locate(event))
                .isInstanceOfSatisfying(StudyFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(expected));
    }

    private static SeriesReadyEvent folderEvent(Path folder, int count, String sha256) {
        return new SeriesReadyEvent("e", "1.2", "1.3", "MR", count, List.of(), folder.toUri(),
                sha256);
    }

    private static SeriesReadyEvent listEvent(List<Path> files, String sha256) {
        return new SeriesReadyEvent("e", "1.2", "1.3", "MR", files.size(),
                files.stream().map(Path::toUri).toList(), null, sha256);
    }

    private static Path write(Path file, String content) throws Exception {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
