package dev.mlgitops.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.mlgitops.MlGitopsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON Schema shipped in the jar, compiled once: the whole document and its {@code spec}
 * definition. The schema's {@code $id} is mapped to the jar's copy, so nothing is fetched.
 */
record ShippedSchema(JsonNode json, Schema document, Schema spec) {

    static final String RESOURCE = "mlgitops/schemas/mlproject-v1alpha1.schema.json";

    static ShippedSchema load() {
        String text = read();
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(text);
        } catch (JacksonException e) {
            throw new MlGitopsException("reading the schema " + RESOURCE + ": " + e.getOriginalMessage(), e);
        }
        String id = json.path("$id").asString();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(id, text)).schemaRegistryConfig(config));
        Schema document = registry.getSchema(SchemaLocation.of(id));
        Schema spec = registry.getSchema(SchemaLocation.of(id + "#/$defs/spec"));
        // compile every validator now, so that later validations only read shared state
        document.initializeValidators();
        spec.initializeValidators();
        return new ShippedSchema(json, document, spec);
    }

    private static String read() {
        try (InputStream in = ShippedSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new MlGitopsException("reading the schema " + RESOURCE + ": it is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MlGitopsException("reading the schema " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
