package io.segstream.inference;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model folders to load: those {@code segstream.model.paths} lists, else the one path. */
final class ModelFolders {

    private ModelFolders() {}

    static List<Path> of(ModelConfig config) {
        return of(config.path(), config.paths());
    }

    /**
     * @param path {@code segstream.model.path}
     * @param paths {@code segstream.model.paths} as written; absent or empty means {@code path}
     */
    static List<Path> of(String path, Optional<String> paths) {
        if (paths.isEmpty() || paths.get().isEmpty()) {
            return List.of(folder("segstream.model.path", path));
        }

        List<Path> folders = new ArrayList<>();
        Map<Path, String> seen = new HashMap<>();
        for (String entry : paths.get().split(",")) {
            String written = entry.strip();
            if (written.isEmpty()) {
                continue;
            }
            Path folder = folder("segstream.model.paths", written);
            String earlier = seen.putIfAbsent(folder.toAbsolutePath().normalize(), written);
            if (earlier != null) {
                throw new IllegalStateException("segstream.model.paths names the folder "
                        + written + " twice (as " + earlier + " and " + written + "); an ensemble"
                        + " needs different models, so list each folder once");
            }
            folders.add(folder);
        }

        if (folders.isEmpty()) {
            throw new IllegalStateException("segstream.model.paths is \"" + paths.get()
                    + "\", which names no folder; list model folders separated by commas, or"
                    + " remove the property to load segstream.model.path");
        }
        return List.copyOf(folders);
    }

    private static Path folder(String property, String written) {
        if (written.isBlank()) {
            throw new IllegalStateException(property + " is blank; set it to a model folder"
                    + " holding model.json and saved_model/");
        }
        try {
            return Path.of(written);
        } catch (InvalidPathException e) {
            throw new IllegalStateException(property + " names \"" + written + "\", which is"
                    + " not a valid path (" + e.getReason() + "); set it to a model folder", e);
        }
    }
}
