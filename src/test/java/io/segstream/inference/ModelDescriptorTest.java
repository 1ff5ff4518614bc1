package io.segstream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading model.json, and what start-up says when a model folder's model.json is wrong. */
class ModelDescriptorTest {

    private static final String WHAT_TO_DO = "; point segstream.model.path (or"
            + " segstream.model.paths) at folders exported by the trainer";

    @TempDir Path folder;

    @Test
    void readsTheKeysOfAWellFormedModelJson() throws Exception {
        Path modelJson = write("""
                {"name": "segstream-unet", "version": "1.2.0",
                 "savedModel": {"sha256": "ab12"},
                 "input": {"key": "scan", "heightWidthMultipleOf": 32}}
                """);

        ModelDescriptor descriptor = ModelDescriptor.read(modelJson);

        assertThat(descriptor).isEqualTo(new ModelDescriptor(
                "segstream-unet", "1.2.0", "ab12", "scan", "probabilities", 32));
    }

    @Test
    void namesTheFileTheLineAndThePropertyWhenModelJsonIsCutShort() throws Exception {
        Path modelJson = write("{\"name\": \"segstream-unet\",\n  \"savedModel\": {");

        assertThatThrownBy(() -> ModelDescriptor.read(modelJson))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(modelJson + " is not valid JSON (line 2, column 18): Unexpected"
                        + " end-of-input: expected close marker for Object (start marker at"
                        + " line: 2, column: 17)" + WHAT_TO_DO)
                .hasMessageNotContaining("REDACTED");
    }

    @Test
    void namesTheFileTheLineAndThePropertyWhenModelJsonHasABadToken() throws Exception {
        Path modelJson = write("{\"name\": segstream-unet}");

        assertThatThrownBy(() -> ModelDescriptor.read(modelJson))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(modelJson + " is not valid JSON (line 1, column ")
                .hasMessageContaining("Unrecognized token 'segstream'")
                .hasMessageEndingWith(WHAT_TO_DO);
    }

    @Test
    void namesTheFileAndThePropertyWhenModelJsonIsMissing() {
        Path modelJson = folder.resolve("model.json");

        assertThatThrownBy(() -> ModelDescriptor.read(modelJson))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(modelJson + " does not exist (looked for " + modelJson.toAbsolutePath()
                        + ")" + WHAT_TO_DO);
    }

    @Test
    void saysSoWhenModelJsonIsEmpty() throws Exception {
        Path modelJson = write("");

        assertThatThrownBy(() -> ModelDescriptor.read(modelJson))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(modelJson + " is empty" + WHAT_TO_DO);
    }

    @Test
    void refusesModelJsonThatIsNotAnObject() throws Exception {
        Path modelJson = write("[{\"name\": \"segstream-unet\"}]");

        assertThatThrownBy(() -> ModelDescriptor.read(modelJson))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(modelJson + " holds a JSON array where an object was expected"
                        + WHAT_TO_DO);
    }

    @Test
    void namesTheMissingKey() throws Exception {
        Path modelJson = write("{\"name\": \"segstream-unet\", \"version\": \"1.2.0\"}");

        assertThatThrownBy(() -> ModelDescriptor.read(modelJson))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(modelJson + " has no \"sha256\"; re-export the model");
    }

    private Path write(String content) throws Exception {
        return Files.writeString(folder.resolve("model.json"), content);
    }
}
