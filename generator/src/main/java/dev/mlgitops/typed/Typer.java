package dev.mlgitops.typed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.render.RenderedDocument;
import dev.mlgitops.yaml.BlockYamlReader;
import dev.mlgitops.yaml.KubeYaml;
import dev.mlgitops.yaml.WholeCodePointReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses rendered documents and checks each against its Kubernetes type, so a template typo
 * fails the run with the blueprint's name instead of reaching a cluster: a built-in kind against
 * the schema generated from fabric8's model ({@link BuiltInKinds}), a custom resource against the
 * structural schema kept in the project.
 *
 * <p>The manifest handed on for a built-in kind is what {@link BuiltInKinds} writes, which is
 * what binding it to its fabric8 class and writing it back gave, not the parsed text: every value
 * has the API's type (a port written as {@code "8080"} becomes 8080, a quantity stays a string)
 * whatever the template wrote.
 */
public final class Typer {

    private final KubeTypes types = new KubeTypes();
    private final StructuralSchemas schemas = StructuralSchemas.shipped();
    private final Map<String, List<Bound>> byText = new HashMap<>();
    /**
     * The object of each document of the texts of several documents typed without findings, by the
     * document's text: a text made only of such documents is put together from them instead of
     * typed again (the tenancy's NetworkPolicies, one text of thousands of documents, differ between
     * environments only by the documents of the stages an environment turns off).
     */
    private final Map<String, Bound> byDocument = new HashMap<>();
    // one document at a time from a shared parser: what follows a document is the next one;
    // a key written twice would silently keep the last value, so it is an error
    private final ObjectReader documentReader = KubeYaml.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    public List<TypedObject> type(List<RenderedDocument> rendered, Findings findings) {
        Map<RenderedDocument, Typing> fresh = typeNewTexts(rendered);
        List<TypedObject> typed = new ArrayList<>();
        // by kind and name, not apiVersion: two versions of one kind are still one object to the cluster
        Map<String, String> seen = new HashMap<>();
        for (RenderedDocument document : rendered) {
            for (Bound bound : bound(document, fresh, findings)) {
                String first = seen.putIfAbsent(bound.key().kind() + "/" + bound.key().name(), document.blueprint());
                if (first != null) {
                    findings.add(Code.TYPE_DUPLICATE_OBJECT, "", null, Code.TYPE_DUPLICATE_OBJECT.message(
                            bound.key(), document.environment(), first, document.blueprint()));
                } else {
                    typed.add(new TypedObject(document.stage(), document.blueprint(), bound.key(), bound.manifest(),
                            document.source()));
                }
            }
        }
        return typed;
    }

    /** An object of a rendered text, typed and canonical: what the text alone decides. */
    private record Bound(ObjectKey key, ObjectNode manifest) {
    }

    /** The objects of one text, and what was wrong with it. */
    private record Typing(List<Bound> objects, Findings findings) {
    }

    /**
     * The texts this Typer has not seen, each typed once, on every core: parsing and typing are
     * most of a run. Environments mostly render what the base rendered, so they are mostly seen.
     */
    private Map<RenderedDocument, Typing> typeNewTexts(List<RenderedDocument> rendered) {
        Map<String, RenderedDocument> firstWithText = new LinkedHashMap<>();
        // each new text's documents, split once: looked up now, remembered once it is typed
        Map<String, List<String>> documentsOf = new HashMap<>();
        for (RenderedDocument document : rendered) {
            String text = document.yaml();
            if (!byText.containsKey(text) && !firstWithText.containsKey(text)) {
                List<String> documents = contentDocuments(text);
                Optional<List<Bound>> known = fromKnownDocuments(documents);
                if (known.isPresent()) {
                    byText.put(text, known.get());
                } else {
                    firstWithText.put(text, document);
                    documentsOf.put(text, documents);
                }
            }
        }
        Map<RenderedDocument, Typing> typed = new ArrayList<>(firstWithText.values()).parallelStream()
                .collect(Collectors.toMap(document -> document, this::typeText, (a, b) -> a, IdentityHashMap::new));
        typed.forEach((document, typing) -> {
            if (typing.findings().isEmpty()) {
                rememberDocuments(documentsOf.get(document.yaml()), typing.objects());
            }
        });
        return typed;
    }

    /** The objects of a text of several documents, each typed before in another text; empty when one was not. */
    private Optional<List<Bound>> fromKnownDocuments(List<String> documents) {
        if (documents.size() < 2) {
            return Optional.empty();
        }
        List<Bound> objects = new ArrayList<>(documents.size());
        for (String document : documents) {
            Bound known = byDocument.get(document);
            if (known == null) {
                return Optional.empty();
            }
            objects.add(known);
        }
        return Optional.of(List.copyOf(objects));
    }

    /**
     * Keeps the object of each document of a text typed without findings. Every document with
     * content made one object exactly when their numbers agree (a document of only blank lines and
     * comments makes none; one of {@code null} makes none either, and then nothing is kept).
     */
    private void rememberDocuments(List<String> documents, List<Bound> objects) {
        if (documents.size() < 2 || documents.size() != objects.size()) {
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            byDocument.put(documents.get(i), objects.get(i));
        }
    }

    /**
     * The documents of a text that have content, split at its {@code ---} lines (YAML allows such a
     * line inside no scalar); none when the text has another marker or a directive, or one document.
     */
    static List<String> contentDocuments(String text) {
        if (!text.startsWith("---\n") && !text.contains("\n---\n")) {
            return List.of();
        }
        List<String> documents = new ArrayList<>();
        int start = 0;
        int line = 0;
        while (line < text.length()) {
            int end = text.indexOf('\n', line);
            int next = end < 0 ? text.length() : end + 1;
            int length = (end < 0 ? text.length() : end) - line;
            if (length == 3 && text.startsWith("---", line)) {
                addIfContent(documents, text.substring(start, line));
                start = next;
            } else if (text.startsWith("---", line) || text.startsWith("...", line) || text.startsWith("%", line)) {
                return List.of();
            }
            line = next;
        }
        addIfContent(documents, text.substring(start));
        return documents;
    }

    /** Adds the document when a line of it is neither blank nor a comment. */
    private static void addIfContent(List<String> documents, String document) {
        boolean lineStart = true;
        for (int i = 0; i < document.length(); i++) {
            char c = document.charAt(i);
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && c != ' ' && c != '\t' && c != '\r') {
                if (c != '#') {
                    documents.add(document);
                    return;
                }
                lineStart = false;
            }
        }
    }

    /**
     * The objects of one rendered document. A text without findings is kept; one with findings is
     * typed again wherever it recurs, so every rendering that produced it reports them.
     */
    private List<Bound> bound(RenderedDocument document, Map<RenderedDocument, Typing> fresh, Findings findings) {
        List<Bound> known = byText.get(document.yaml());
        if (known != null) {
            return known;
        }
        Typing typing = fresh.containsKey(document) ? fresh.get(document) : typeText(document);
        if (typing.findings().isEmpty()) {
            byText.put(document.yaml(), typing.objects());
        }
        findings.addAll(typing.findings());
        return typing.objects();
    }

    private Typing typeText(RenderedDocument document) {
        Findings own = new Findings();
        List<Bound> bound = new ArrayList<>();
        for (JsonNode node : parse(document, own)) {
            typeObject(document, node, own).ifPresent(bound::add);
        }
        return new Typing(List.copyOf(bound), own);
    }

    /**
     * The documents of one rendered text, empty ones (a template that emitted nothing) skipped:
     * read by {@link BlockYamlReader} where it can, which is most texts and much faster.
     */
    private List<JsonNode> parse(RenderedDocument document, Findings findings) {
        Optional<List<JsonNode>> quick = BlockYamlReader.read(document.yaml());
        if (quick.isPresent()) {
            return quick.get();
        }
        // else the library, first without positions (SnakeYAML's marks are much of what it allocates);
        // a text that fails is parsed again with them, so what is reported and where is the library's
        try {
            List<JsonNode> nodes = new ArrayList<>();
            readDocuments(KubeYaml.unmarkedMapper(), document, nodes);
            return nodes;
        } catch (RuntimeException e) {
            // below, with positions
        }
        List<JsonNode> nodes = new ArrayList<>();
        try {
            readDocuments(KubeYaml.mapper(), document, nodes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + " of its output)";
            invalid(findings, document, "YAML document", e.getOriginalMessage() + where);
        }
        return nodes;
    }

    /** Adds the text's documents to {@code nodes} until the end or the first error, which it throws. */
    private void readDocuments(YAMLMapper mapper, RenderedDocument document, List<JsonNode> nodes) {
        // a parser over the root values, not readValues: that one unwraps a document that is a list
        try (JsonParser parser = mapper.createParser(new WholeCodePointReader(document.yaml()))) {
            while (parser.nextToken() != null) {
                JsonNode node = documentReader.readValue(parser);
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    nodes.add(node);
                }
            }
        }
    }

    private Optional<Bound> typeObject(RenderedDocument document, JsonNode node, Findings findings) {
        if (!(node instanceof ObjectNode object) || !node.path("apiVersion").isString() || !node.path("kind").isString()) {
            invalid(findings, document, "object", "a document must be a mapping with apiVersion and kind");
            return Optional.empty();
        }
        String apiVersion = node.get("apiVersion").asString();
        String kind = node.get("kind").asString();
        Optional<KubeTypes.BuiltInKind> builtIn = types.lookup(apiVersion, kind);
        if (builtIn.isEmpty() && schemas.knows(apiVersion, kind)) {
            return checkCustomResource(document, object, apiVersion, kind, findings);
        }
        if (builtIn.isEmpty()) {
            findings.add(Code.TYPE_UNKNOWN_KIND, "", null,
                    Code.TYPE_UNKNOWN_KIND.message(document.blueprint(), apiVersion + " " + kind));
            return Optional.empty();
        }
        BuiltInKinds.Typed typed = BuiltInKinds.type(schemas.builtIn(builtIn.get().definition()), object);
        typed.problems().forEach(problem -> invalid(findings, document, kind, problem));
        typed.unknownFields().forEach(u -> findings.add(Code.TYPE_UNKNOWN_FIELD, "", null,
                Code.TYPE_UNKNOWN_FIELD.message(document.blueprint(), u.path(), u.type())));
        if (!typed.problems().isEmpty() || !typed.unknownFields().isEmpty()) {
            return Optional.empty();
        }
        String name = typed.manifest().path("metadata").path("name").asString("");
        if (name.isEmpty()) {
            invalid(findings, document, kind, "metadata.name is missing");
            return Optional.empty();
        }
        ObjectKey key = new ObjectKey(apiVersion, kind, name, builtIn.get().namespaced());
        return Optional.of(new Bound(key, KubeYaml.ordered(typed.manifest())));
    }

    /**
     * A custom resource is checked against its structural schema kept in the project, like the
     * API server would, and handed on as written (keys in Kubernetes order).
     */
    private Optional<Bound> checkCustomResource(RenderedDocument document, ObjectNode object, String apiVersion,
                                                      String kind, Findings findings) {
        List<String> problems = schemas.problems(apiVersion, kind, object).orElseThrow();
        problems.forEach(problem -> invalid(findings, document, kind, problem));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        String name = object.path("metadata").path("name").asString();
        // every custom resource mlgitops emits is namespaced
        ObjectKey key = new ObjectKey(apiVersion, kind, name, true);
        return Optional.of(new Bound(key, KubeYaml.ordered(object)));
    }

    private static void invalid(Findings findings, RenderedDocument document, String what, String why) {
        findings.add(Code.TYPE_INVALID, "", null, Code.TYPE_INVALID.message(document.blueprint(), what, why));
    }
}
