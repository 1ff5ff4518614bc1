package io.segstream.phantom;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The command's checks of its paths before any work, and one-line descriptions of the I/O
 * errors that get past them. Each problem names the option, the path and what to do.
 */
final class PathChecks {

    private PathChecks() {
    }

    /** Why the file given for an option cannot be read, or empty when it can. */
    static Optional<String> unreadableFile(String option, Path file) {
        String given = option + " " + file;
        if (Files.isDirectory(file)) {
            return Optional.of(given + " is a folder, not a file: give a NIfTI-1 file"
                    + " (.nii or .nii.gz)");
        }
        if (!Files.exists(file)) {
            return Optional.of(given + " does not exist: " + whereToFind(file));
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of(given + " is not a regular file: give a NIfTI-1 file"
                    + " (.nii or .nii.gz)");
        }
        if (!Files.isReadable(file)) {
            return Optional.of(given + " cannot be read (no permission): give a file you can"
                    + " read");
        }
        return Optional.empty();
    }

    private static String whereToFind(Path file) {
        if (file.equals(Anatomy.COLIN27_HEAD) || file.equals(Anatomy.COLIN27_BRAIN)) {
            return "Colin27 is not installed; run scripts/setup.sh (Debian package"
                    + " mricron-data), or give --head and --brain";
        }
        return "give an existing NIfTI-1 file (.nii or .nii.gz)";
    }

    /**
     * Why a folder given for an option cannot be written to or created, or empty when nothing
     * rules it out. Permissions are only a hint (root passes every check), so writing can still
     * fail later.
     */
    static Optional<String> unusableFolder(String option, Path folder) {
        String given = option + " " + folder;
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return Optional.of(given + " is an existing file, not a folder: give a folder"
                    + " (it is created if missing)");
        }
        if (Files.isDirectory(folder)) {
            return Files.isWritable(folder) ? Optional.empty()
                    : Optional.of(given + " is a folder you cannot write to: give another one");
        }
        Path ancestor = nearestExisting(folder.toAbsolutePath());
        if (ancestor != null && !Files.isDirectory(ancestor)) {
            return Optional.of(given + " cannot be created, " + ancestor
                    + " is a file, not a folder: give another folder");
        }
        if (ancestor != null && !Files.isWritable(ancestor)) {
            return Optional.of(given + " cannot be created, no permission to write in "
                    + ancestor + ": give a folder you can write to");
        }
        return Optional.empty();
    }

    private static Path nearestExisting(Path path) {
        Path candidate = path.getParent();
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate;
    }

    /** The path and the operating system's reason, e.g. {@code /proc/x: no such file or folder}. */
    static String describe(IOException e) {
        if (!(e instanceof FileSystemException failure)) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or folder";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "already exists";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a folder";
        } else {
            reason = failure.getReason() != null ? failure.getReason()
                    : e.getClass().getSimpleName();
        }
        String other = failure.getOtherFile() != null ? " (and " + failure.getOtherFile() + ")"
                : "";
        return (failure.getFile() != null ? failure.getFile() + ": " : "") + reason + other;
    }
}
