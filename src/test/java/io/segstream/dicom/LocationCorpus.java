package io.segstream.dicom;

import io.segstream.StudyFailedException;
import io.segstream.ingest.SeriesReadyEvent;
import io.segstream.storage.InstanceLocator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Series-ready events whose locations lead outside the one allowed storage root: by {@code ..},
 * encoded or not, by an absolute path, by a sibling folder whose name starts like the root's, by
 * symbolic links to files and folders, by chains of links, and by URIs that are no local path.
 *
 * <p>The targets outside are a valid DICOM file and a FIFO. Opening the FIFO blocks until a
 * writer comes, so a locator that opened a location before checking its real path would hang,
 * and the per-case timeout would report it.
 */
final class LocationCorpus {

    static final String FAMILY = "location";
    private static final String NO_CHECKSUM = "0".repeat(64);

    /** One refused event, and the file or folder name its message must state. */
    record Case(String name, SeriesReadyEvent event, String expectedName) {}

    private final Path root;
    private final List<Case> cases = new ArrayList<>();

    private LocationCorpus(Path root) {
        this.root = root;
    }

    static LocationCorpus create(Path workspace) throws Exception {
        Path root = Files.createDirectories(workspace.resolve("root"));
        Path outside = Files.createDirectories(workspace.resolve("outside"));
        Path sibling = Files.createDirectories(workspace.resolve("root-sibling"));
        Path canary = Files.write(outside.resolve("canary.dcm"), validDicom(workspace));
        Path fifo = UnreadableFiles.fifo(outside.resolve("canary-fifo.dcm"));
        Files.copy(canary, sibling.resolve("sibling.dcm"));
        LocationCorpus corpus = new LocationCorpus(root);
        corpus.addPaths(root, outside, sibling, canary, fifo);
        corpus.addLinks(root, outside, canary, fifo);
        corpus.addFolders(root, outside, canary);
        corpus.addUris(root);
        return corpus;
    }

    List<Case> cases() {
        return List.copyOf(cases);
    }

    List<Path> locate(Case c) throws StudyFailedException {
        return new InstanceLocator(List.of(root)).locate(c.event());
    }

    private void addPaths(Path root, Path outside, Path sibling, Path canary, Path fifo) {
        String base = root.toUri().toString();
        file("dot-dot", URI.create(base + "../outside/canary.dcm"), "canary.dcm");
        file("encoded-dot-dot", URI.create(base + "%2e%2e/outside/canary.dcm"), "canary.dcm");
        file("dot-dot-to-fifo", URI.create(base + "../outside/canary-fifo.dcm"),
                "canary-fifo.dcm");
        file("absolute-outside", canary.toUri(), "canary.dcm");
        file("absolute-fifo-outside", fifo.toUri(), "canary-fifo.dcm");
        file("sibling-named-like-the-root", sibling.resolve("sibling.dcm").toUri(),
                "sibling.dcm");
        file("root-itself-dot-dot", URI.create(base + "sub/../../outside/canary.dcm"),
                "canary.dcm");
    }

    private void addLinks(Path root, Path outside, Path canary, Path fifo) throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("link.dcm"), canary);
        file("symbolic-link-to-file", link.toUri(), "link.dcm");
        Path fifoLink = Files.createSymbolicLink(root.resolve("fifo-link.dcm"), fifo);
        file("symbolic-link-to-fifo", fifoLink.toUri(), "fifo-link.dcm");
        Path folderLink = Files.createSymbolicLink(root.resolve("linked-folder"), outside);
        file("file-through-linked-folder", folderLink.resolve("canary.dcm").toUri(),
                "canary.dcm");
        Path last = Files.createSymbolicLink(root.resolve("chain-2.dcm"), canary);
        Path first = Files.createSymbolicLink(root.resolve("chain-1.dcm"), last);
        file("chain-of-links", first.toUri(), "chain-1.dcm");
        Path relative = Files.createSymbolicLink(root.resolve("relative-link.dcm"),
                Path.of("../outside/canary.dcm"));
        file("relative-symbolic-link", relative.toUri(), "relative-link.dcm");
    }

    private void addFolders(Path root, Path outside, Path canary) throws IOException {
        Path series = Files.createDirectories(root.resolve("series-with-link"));
        Files.createSymbolicLink(series.resolve("IM0.dcm"), canary);
        folder("folder-holding-a-link-outside", series.toUri(), 1, "IM0.dcm");
        Path seriesFifo = Files.createDirectories(root.resolve("series-with-fifo-link"));
        Files.createSymbolicLink(seriesFifo.resolve("IM0.dcm"),
                outside.resolve("canary-fifo.dcm"));
        folder("folder-holding-a-link-to-a-fifo-outside", seriesFifo.toUri(), 1, "IM0.dcm");
        Path linkedSeries = Files.createSymbolicLink(root.resolve("linked-series"), outside);
        folder("folder-that-is-a-link-outside", linkedSeries.toUri(), 2, "linked-series");
        folder("folder-dot-dot", URI.create(root.toUri() + "../outside/"), 2, "outside");
    }

    private void addUris(Path root) {
        String path = root.toUri().getRawPath();
        file("https-scheme", URI.create("https://pacs.example" + path + "x.dcm"), "x.dcm");
        file("no-scheme", URI.create(path + "x.dcm"), "x.dcm");
        file("file-uri-with-host", URI.create("file://pacs.example" + path + "x.dcm"), "x.dcm");
        file("file-uri-with-query", URI.create("file://" + path + "x.dcm?frame=1"), "x.dcm");
        file("opaque-file-uri", URI.create("file:x.dcm"), "x.dcm");
    }

    private void file(String name, URI location, String expectedName) {
        cases.add(new Case(name, new SeriesReadyEvent("e-" + name, "2.25.1", "2.25.2", "MR", 1,
                List.of(location), null, NO_CHECKSUM), expectedName));
    }

    private void folder(String name, URI folder, int count, String expectedName) {
        cases.add(new Case(name, new SeriesReadyEvent("e-" + name, "2.25.1", "2.25.2", "MR",
                count, List.of(), folder, NO_CHECKSUM), expectedName));
    }

    private static byte[] validDicom(Path workspace) throws IOException {
        Path file = TinySeries.T1.write(workspace.resolve("valid"), "2.25.81", "2.25.82", 1)
                .get(0);
        return Files.readAllBytes(file);
    }
}
