package io.segstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event contracts in {@code schemas/} (JSON Schema 2020-12), loaded from the classpath.
 * Violations are reported as the JSON pointer that failed and the rule it broke, never the
 * offending value, because values of these payloads are UIDs and locations.
 */
public final class PayloadSchemas {

    public static final String SERIES_READY = "series-ready.json";
    public static final String SEGMENTATION_RESULT = "segmentation-result.json";
    public static final String SEGMENTATION_FAILURE = "segmentation-failure.json";

    private final JsonSchema schema;
    private final String name;

    private PayloadSchemas(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** Loads {@code schemas/NAME} from the classpath. */
    public static PayloadSchemas load(String name) {
        String resource = "schemas/" + name;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER).build();
        try (InputStream in = PayloadSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; the build "
                        + "copies schemas/ into the worker's resources");
            }
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, InputFormat.JSON, config);
            return new PayloadSchemas(name, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Every violation as "POINTER: rule KEYWORD", empty when the document is valid. */
    public List<String> violations(JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(PayloadSchemas::describe).sorted()
                .collect(Collectors.toList());
    }

    public String name() {
        return name;
    }

    private static String describe(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        String property = message.getProperty();
        return (pointer.isEmpty() ? "/" : pointer) + ": rule '" + message.getType() + "'"
                + (property == null ? "" : " on property '" + property + "'")
                + " (schema " + message.getEvaluationPath() + ")";
    }
}
