package io.segstream.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code model.json} beside a SavedModel says about it.
 *
 * @param name model name
 * @param version model version
 * @param sha256 checksum recorded when the model was exported
 * @param inputKey signature input key
 * @param outputKey signature output key
 * @param sizeMultiple height and width of an input slice must be multiples of this
 */
public record ModelDescriptor(
        String name, String version, String sha256, String inputKey, String outputKey,
        int sizeMultiple) {

    static ModelDescriptor read(Path modelJson) throws IOException {
        JsonNode json = new ObjectMapper().readTree(Files.readString(modelJson));
        return new ModelDescriptor(
                required(json, "name", modelJson),
                required(json, "version", modelJson),
                required(json.path("savedModel"), "sha256", modelJson),
                json.path("input").path("key").asText("image"),
                json.path("output").path("key").asText("probabilities"),
                json.path("input").path("heightWidthMultipleOf").asInt(16));
    }

    private static String required(JsonNode json, String key, Path file) throws IOException {
        String value = json.path(key).asText("");
        if (value.isBlank()) {
            throw new IOException(file + " has no \"" + key + "\"; re-export the model");
        }
        return value;
    }
}
