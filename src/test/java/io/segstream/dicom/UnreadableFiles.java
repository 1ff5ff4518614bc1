package io.segstream.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths that name an instance the worker cannot read: a folder where a file should be, a named
 * pipe (FIFO), which blocks whoever opens it until a writer comes and so catches a reader that
 * opens before checking, a missing file, a dangling symbolic link, and a file of mode 000.
 *
 * <p>Tests may run as root, whom mode 000 does not stop. That is detected by trying to read such
 * a file; when the read succeeds the mode-000 input is made a FIFO of mode 000 instead, so that
 * it still cannot be read, and its name says so.
 */
final class UnreadableFiles {

    private UnreadableFiles() {}

    static List<Path> create(Path folder) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        files.add(Files.createDirectory(folder.resolve("unreadable-directory.dcm")));
        files.add(fifo(folder.resolve("unreadable-fifo.dcm")));
        files.add(folder.resolve("unreadable-missing.dcm"));
        files.add(Files.createSymbolicLink(folder.resolve("unreadable-dangling-link.dcm"),
                folder.resolve("nowhere.dcm")));
        files.add(modeZero(folder));
        return files;
    }

    private static Path modeZero(Path folder) throws IOException, InterruptedException {
        Path file = Files.write(folder.resolve("unreadable-mode-000.dcm"), new byte[200]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (!readableDespiteMode(file)) {
            return file;
        }
        Files.delete(file);
        Path fifo = fifo(folder.resolve("unreadable-mode-000-fifo-as-root-reads-any-file.dcm"));
        Files.setPosixFilePermissions(fifo, PosixFilePermissions.fromString("---------"));
        return fifo;
    }

    private static boolean readableDespiteMode(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Java has no call that makes a FIFO; mkfifo is POSIX. */
    static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0 || !Files.exists(path)) {
            throw new IOException("mkfifo failed for " + path);
        }
        return path;
    }
}
