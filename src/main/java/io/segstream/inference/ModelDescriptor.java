package io.segstream.inference;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

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

    private static final String WHAT_TO_DO = "point segstream.model.path (or"
            + " segstream.model.paths) at folders exported by the trainer";

    /** Jackson's "[Source: REDACTED (...); line: L, column: C]" inside its own messages. */
    private static final Pattern SOURCE =
            Pattern.compile("\\[Source: [^\\]]*?; (line: \\d+, column: \\d+)\\]");

    /**
     * @throws IllegalStateException when the file is missing, is not valid JSON or lacks a
     *     required key: the model folder is misconfigured, and retrying will not help
     */
    static ModelDescriptor read(Path modelJson) throws IOException {
        JsonNode json = parse(modelJson);
        return new ModelDescriptor(
                required(json, "name", modelJson),
                required(json, "version", modelJson),
                required(json.path("savedModel"), "sha256", modelJson),
                json.path("input").path("key").asText("image"),
                json.path("output").path("key").asText("probabilities"),
                json.path("input").path("heightWidthMultipleOf").asInt(16));
    }

    private static JsonNode parse(Path modelJson) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(modelJson);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(modelJson + " does not exist (looked for "
                    + modelJson.toAbsolutePath() + "); " + WHAT_TO_DO, e);
        }

        JsonNode json;
        try {
            json = new ObjectMapper().readTree(content);
        } catch (JsonProcessingException e) {
            String problem = Objects.toString(e.getOriginalMessage(), e.getClass().getName());
            throw new IllegalStateException(modelJson + " is not valid JSON" + where(e) + ": "
                    + SOURCE.matcher(problem).replaceAll("$1") + "; " + WHAT_TO_DO, e);
        }
        if (json.isMissingNode()) {
            throw new IllegalStateException(modelJson + " is empty; " + WHAT_TO_DO);
        }
        if (!json.isObject()) {
            throw new IllegalStateException(modelJson + " holds a JSON "
                    + json.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + " where an object was expected; " + WHAT_TO_DO);
        }
        return json;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String required(JsonNode json, String key, Path file) {
        String value = json.path(key).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException(file + " has no \"" + key + "\"; re-export the model");
        }
        return value;
    }
}
