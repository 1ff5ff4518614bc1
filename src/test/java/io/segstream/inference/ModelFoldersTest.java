package io.segstream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which folders segstream.model.path and segstream.model.paths select, read as Quarkus reads. */
class ModelFoldersTest {

    @Test
    void absentPathsMeansThePath() {
        List<Path> folders = ModelFolders.of(config(null));

        assertThat(folders).containsExactly(Path.of("models/unet"));
    }

    @Test
    void emptyPathsMeansThePath() {
        List<Path> folders = ModelFolders.of(config(""));

        assertThat(folders).containsExactly(Path.of("models/unet"));
    }

    @Test
    void listsEachFolderOfPathsInConfiguredOrderWithoutSurroundingSpaces() {
        List<Path> folders = ModelFolders.of(config(" models/deeplabv3plus , models/unet"));

        assertThat(folders)
                .containsExactly(Path.of("models/deeplabv3plus"), Path.of("models/unet"));
    }

    @Test
    void refusesPathsOfOnlyCommas() {
        ModelConfig config = config(",");

        assertThatThrownBy(() -> ModelFolders.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("segstream.model.paths is \",\", which names no folder; list model"
                        + " folders separated by commas, or remove the property to load"
                        + " segstream.model.path");
    }

    @Test
    void refusesPathsOfOnlyBlanksAndCommas() {
        ModelConfig config = config(" , ,");

        assertThatThrownBy(() -> ModelFolders.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("segstream.model.paths is \" , ,\", which names no"
                        + " folder;");
    }

    @Test
    void refusesTheSameFolderTwice() {
        ModelConfig config = config("models/unet,models/unet");

        assertThatThrownBy(() -> ModelFolders.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("segstream.model.paths names the folder models/unet twice (as"
                        + " models/unet and models/unet); an ensemble needs different models,"
                        + " so list each folder once");
    }

    @Test
    void refusesTheSameFolderTwiceWhenWrittenDifferently() {
        ModelConfig config = config("models/unet,models/deeplabv3plus,./models/../models/unet/");

        assertThatThrownBy(() -> ModelFolders.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names the folder ./models/../models/unet/ twice (as"
                        + " models/unet and ./models/../models/unet/)");
    }

    @Test
    void refusesTheSameFolderTwiceWhenOnceWrittenAbsolute() {
        String absolute = Path.of("models/unet").toAbsolutePath().toString();
        ModelConfig config = config(absolute + ",models/unet");

        assertThatThrownBy(() -> ModelFolders.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(as " + absolute + " and models/unet)");
    }

    /** The documented defaults, with segstream.model.paths set to {@code paths} unless null. */
    private static ModelConfig config(String paths) {
        Map<String, String> properties = new HashMap<>();
        if (paths != null) {
            properties.put("segstream.model.paths", paths);
        }
        return new SmallRyeConfigBuilder()
                .withMapping(ModelConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(ModelConfig.class);
    }
}
