package io.segstream.publish;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * File sink for SEG objects. A SEG appears under its final name only once complete (written
 * beside it, then moved atomically), so a reader of the folder never sees half a file, and
 * writing the same SEG again replaces it with identical content.
 */
@ApplicationScoped
public class SegmentationStore {

    @Inject OutputConfig config;

    /** A fresh temporary file in the study's folder to encode into. */
    public Path temporaryFile(String correlationId) throws StudyFailedException {
        try {
            Path folder = studyFolder(correlationId);
            Files.createDirectories(folder);
            Path file = Files.createTempFile(folder, ".partial-", ".dcm");
            readableByAll(file);
            return file;
        } catch (IOException e) {
            throw new StudyFailedException(FailureReason.STORAGE_FAILED, "cannot create a file in "
                    + config.folder() + " (segstream.output.folder): " + e.getMessage(), e);
        }
    }

    /** Moves an encoded SEG to its final place and returns that place. */
    public Path commit(Path temporary, String correlationId, String sopInstanceUid)
            throws StudyFailedException {
        Path target = studyFolder(correlationId).resolve(sopInstanceUid + ".dcm");
        try {
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StudyFailedException(FailureReason.STORAGE_FAILED, "cannot move the SEG into "
                    + target.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Temporary files are created readable by their owner only; a SEG is for the PACS sender
     * and viewers, which often run as other users, so it gets the usual rw-r--r--.
     */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private Path studyFolder(String correlationId) {
        return Path.of(config.folder()).toAbsolutePath().resolve(correlationId);
    }
}
