package dev.mlgitops.typed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The structural schemas of the custom resources mlgitops emits (Argo Workflows, Kubeflow,
 * KServe, Prometheus Operator, External Secrets, Argo CD), kept in the project under
 * {@code schemas/crds/<group>/<version>/<Kind>.json} and shipped in the jar. A rendered custom
 * resource is checked against its schema as the API server would: an unknown field is a
 * problem, not something silently pruned, so a blueprint typo cannot ship. The same folder's core
 * definitions are the schemas of the built-in kinds ({@link #builtIn}).
 */
public final class StructuralSchemas {

    private static final String ROOT = "mlgitops/schemas/crds/";
    private static final Pattern GROUP = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("v[0-9]+((alpha|beta)[0-9]+)?");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private final ClassLoader loader;
    private final String root;
    private final JsonMapper json = JsonMapper.builder().build();
    // Filled lazily, one kind at a time; a kind we do not ship is remembered as empty.
    private final ConcurrentMap<String, Optional<SchemaNode>> byKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SchemaNode> builtIns = new ConcurrentHashMap<>();
    private volatile JsonNode coreTypes;

    StructuralSchemas(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /** The schemas shipped in the generator jar; each kind's schema is read on first use. */
    public static StructuralSchemas shipped() {
        return Shipped.INSTANCE;
    }

    /**
     * The problems of one rendered object, each as {@code <dotted.path>: <what is wrong>}; empty
     * when the object fits its schema. {@link Optional#empty()} when the kind is not one of the
     * custom resources we keep a schema for (built-in kinds are typed by {@link BuiltInKinds}).
     */
    public Optional<List<String>> problems(String apiVersion, String kind, JsonNode object) {
        return schema(apiVersion, kind).map(schema -> {
            List<String> problems = SchemaWalker.problems(schema, object, "");
            if (object.isObject()) {
                header(object, "apiVersion", apiVersion, problems);
                header(object, "kind", kind, problems);
            }
            return List.copyOf(problems);
        });
    }

    /**
     * The schema of a built-in kind, by the name of its core definition (generated from fabric8's
     * model); read once.
     */
    SchemaNode builtIn(String definition) {
        return builtIns.computeIfAbsent(definition,
                name -> new SchemaReader(coreTypes()).read(json.createObjectNode().put(SchemaReader.CORE_REF, name)));
    }

    /** Whether a schema is kept for this apiVersion and kind. */
    public boolean knows(String apiVersion, String kind) {
        return schema(apiVersion, kind).isPresent();
    }

    private static void header(JsonNode object, String field, String expected, List<String> problems) {
        JsonNode value = object.get(field);
        if (value == null) {
            problems.add(field + ": required field is missing");
        } else if (!value.isString() || !value.stringValue().equals(expected)) {
            problems.add(field + ": expected '" + expected + "', got " + value);
        }
    }

    private Optional<SchemaNode> schema(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return Optional.empty();
        }
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return Optional.empty(); // the core group has no custom resources
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (!GROUP.matcher(group).matches() || !VERSION.matcher(version).matches()
                || !KIND.matcher(kind).matches()) {
            return Optional.empty();
        }
        return byKind.computeIfAbsent(group + "/" + version + "/" + kind, this::load);
    }

    private Optional<SchemaNode> load(String path) {
        // A reader per kind: its memo is not shared between threads; the core types it reads are.
        return readJson(root + path + ".json")
                .map(schema -> new SchemaReader(coreTypes()).read(withObjectHeader((ObjectNode) schema)));
    }

    /**
     * The API server checks apiVersion, kind and metadata itself, whatever the CRD says of them
     * (usually just {@code type: object}); we do the same with ObjectMeta, and require a name.
     */
    private static JsonNode withObjectHeader(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        ObjectNode properties = copy.get("properties") instanceof ObjectNode p ? p : copy.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        ObjectNode metadata = properties.putObject("metadata");
        metadata.put(SchemaReader.CORE_REF, "ObjectMeta");
        metadata.put("type", "object");
        metadata.putArray("required").add("name");
        return copy;
    }

    private JsonNode coreTypes() {
        JsonNode current = coreTypes;
        if (current == null) {
            synchronized (this) {
                current = coreTypes;
                if (current == null) {
                    current = readJson(root + "core/definitions.json").orElseThrow(
                            () -> new IllegalStateException("missing " + root + "core/definitions.json"));
                    coreTypes = current;
                }
            }
        }
        return current;
    }

    private Optional<JsonNode> readJson(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static final class Shipped {
        static final StructuralSchemas INSTANCE =
                new StructuralSchemas(StructuralSchemas.class.getClassLoader(), ROOT);
    }
}
