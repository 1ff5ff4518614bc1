package io.segstream.storage;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.TransientFailureException;
import io.segstream.config.StorageConfig;
import io.segstream.ingest.SeriesReadyEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the locations announced in a series-ready event into verified files: only {@code file:}
 * URIs, only under the allowed roots (after resolving {@code ..} and symbolic links), exactly the
 * announced number of instances, and bytes matching the announced SHA-256.
 *
 * <p>A location that is not allowed, missing or unreadable fails the study; an I/O error on a
 * file that is there (an EIO, a stale network mount) is a {@link TransientFailureException},
 * which the intake retries with backoff.
 */
@Singleton
public class InstanceLocator {

    private final List<Path> allowedRoots;

    @Inject
    public InstanceLocator(StorageConfig config) {
        this(config.allowedRoots());
    }

    public InstanceLocator(List<Path> allowedRoots) {
        this.allowedRoots = allowedRoots.stream().map(InstanceLocator::canonical).toList();
    }

    /** The instances of the series, in the order the checksum covers them. */
    public List<Path> locate(SeriesReadyEvent event) throws StudyFailedException {
        List<Path> instances = event.folder() != null
                ? filesIn(allowed(event.folder()))
                : listed(event.instances());
        if (instances.size() != event.instanceCount()) {
            throw new StudyFailedException(FailureReason.INSTANCE_COUNT_MISMATCH,
                    "the event announces " + event.instanceCount() + " instances but "
                            + instances.size() + " were found; announce the series once all of "
                            + "its instances are stored");
        }
        Sha256.verify(instances, event.checksumSha256());
        return instances;
    }

    private List<Path> listed(List<URI> locations) throws StudyFailedException {
        List<Path> instances = new ArrayList<>();
        for (URI location : locations) {
            instances.add(readableFile(allowed(location)));
        }
        return instances;
    }

    private List<Path> filesIn(Path folder) throws StudyFailedException {
        if (!Files.isDirectory(folder)) {
            throw new StudyFailedException(FailureReason.INSTANCE_UNREADABLE,
                    "the announced folder " + folder + " does not exist or is not a folder");
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(folder)) {
            candidates = entries.sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            // The folder exists (checked above): an error listing it may pass, so retry.
            throw new TransientFailureException("I/O error listing the announced folder "
                    + folder + ": " + e, e);
        }
        List<Path> instances = new ArrayList<>();
        for (Path candidate : candidates) {
            Path real = underRoots(candidate);
            if (Files.isRegularFile(real)) {
                instances.add(readableFile(real));
            }
        }
        return instances;
    }

    /** Rejects anything but an absolute {@code file:} URI that resolves under an allowed root. */
    private Path allowed(URI location) throws StudyFailedException {
        if (!"file".equalsIgnoreCase(location.getScheme())) {
            throw notAllowed(location, "only file: URIs are supported");
        }
        Path path;
        try {
            path = Path.of(location).normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw notAllowed(location, "it is not a local file: URI (" + e.getMessage() + ")");
        }
        if (!insideRoots(path)) {
            throw notAllowed(location, "it lies outside the allowed roots " + allowedRoots);
        }
        return underRoots(path);
    }

    /** The real path, which must still lie under a root once symbolic links are resolved. */
    private Path underRoots(Path path) throws StudyFailedException {
        if (!Files.exists(path)) {
            throw new StudyFailedException(FailureReason.INSTANCE_UNREADABLE,
                    "instance " + path + " does not exist");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new StudyFailedException(FailureReason.INSTANCE_UNREADABLE,
                    "cannot resolve " + path + ": " + e, e);
        }
        if (!insideRoots(real)) {
            throw notAllowed(path.toUri(), "a symbolic link leads outside the allowed roots "
                    + allowedRoots);
        }
        return real;
    }

    private static Path readableFile(Path path) throws StudyFailedException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new StudyFailedException(FailureReason.INSTANCE_UNREADABLE,
                    "instance " + path + " is not a readable regular file");
        }
        return path;
    }

    private boolean insideRoots(Path path) {
        return allowedRoots.stream().anyMatch(path::startsWith);
    }

    private static StudyFailedException notAllowed(URI location, String rule) {
        return new StudyFailedException(FailureReason.LOCATION_NOT_ALLOWED,
                "location " + location + " is not allowed: " + rule
                        + "; store instances under segstream.storage.allowed-roots");
    }

    /** Roots are compared by real path, so that a root reached through a link still matches. */
    private static Path canonical(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }
}
