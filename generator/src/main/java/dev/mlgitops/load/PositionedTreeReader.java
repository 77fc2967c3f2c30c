package dev.mlgitops.load;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Position;
import dev.mlgitops.finding.Shown;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the tree of one YAML document from the parser's tokens and records where each node
 * stands: a scalar at its value, a mapping or sequence at its key (a block mapping's own start is
 * its first child's line, which reads as the wrong place). Duplicate keys, aliases beyond the
 * limit and nesting beyond the limit are findings; reading goes on after each. Single use.
 */
final class PositionedTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AnchorAwareYamlFactory.Parser parser;
    private final String sourceFile;
    private final Findings findings;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, Position> keyPositions = new HashMap<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private int expandedAliases;
    private boolean aliasLimitReported;
    private boolean depthLimitReported;

    /** An anchored node and how many aliases its own content expanded, which every alias to it repeats. */
    private record Anchored(JsonNode node, int aliasesInside) {
    }

    PositionedTreeReader(AnchorAwareYamlFactory.Parser parser, String sourceFile, Findings findings) {
        this.parser = parser;
        this.sourceFile = sourceFile;
        this.findings = findings;
    }

    SourceMap sourceMap() {
        return new SourceMap(sourceFile, positions, keyPositions);
    }

    boolean depthLimitReported() {
        return depthLimitReported;
    }

    /**
     * Reads the first document. Empty when the file holds none or its top level is not a mapping;
     * a second document is reported, not read.
     */
    Optional<ObjectNode> readDocument() {
        JsonToken first = parser.nextToken();
        boolean emptyBefore = false;
        while (first != null && isEmptyDocument(first)) {
            emptyBefore = true;
            first = parser.nextToken();
        }
        if (first == null) {
            findings.add(Code.YAML_EMPTY, "", null, Code.YAML_EMPTY.message());
            return Optional.empty();
        }
        if (emptyBefore) {
            // "---", "---" and then a spec: the spec is a later document, which is read no more than any other
            findings.add(Code.YAML_MULTIPLE_DOCUMENTS, "", here(), Code.YAML_MULTIPLE_DOCUMENTS.message());
            return Optional.empty();
        }
        JsonNode root = readValue("", null, 1);
        reportFurtherDocuments();
        if (!root.isObject()) {
            findings.add(Code.YAML_NOT_A_MAPPING, "", positions.get(""), Code.YAML_NOT_A_MAPPING.message(describe(root)));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) root);
    }

    private void reportFurtherDocuments() {
        JsonToken next = parser.nextToken();
        // a trailing "---" with nothing after it is an empty document, common at the end of Kubernetes files
        if (next == null || isEmptyDocument(next) && parser.nextToken() == null) {
            return;
        }
        findings.add(Code.YAML_MULTIPLE_DOCUMENTS, "", here(), Code.YAML_MULTIPLE_DOCUMENTS.message());
    }

    private boolean isEmptyDocument(JsonToken token) {
        return token == JsonToken.VALUE_NULL && parser.getString().isEmpty();
    }

    /** Reads the value whose first token is current; {@code keyPosition} is null for sequence items and the root. */
    private JsonNode readValue(String pointer, Position keyPosition, int depth) {
        JsonToken token = parser.currentToken();
        Position here = here();
        Optional<String> anchor = parser.valueAnchor();
        int aliasesBefore = expandedAliases;
        checkTag(pointer, token, here);
        JsonNode node;
        if (token.isStructStart()) {
            positions.put(pointer, keyPosition != null ? keyPosition : here);
            node = depth > Limits.MAX_DEPTH ? tooDeep(pointer, positions.get(pointer))
                    : token == JsonToken.START_OBJECT ? readObject(pointer, depth) : readArray(pointer, depth);
        } else {
            positions.put(pointer, here);
            node = parser.isCurrentAlias() ? readAlias(pointer, here) : readScalar(token);
        }
        int aliasesInside = expandedAliases - aliasesBefore;
        anchor.ifPresent(name -> anchors.put(name, new Anchored(node, aliasesInside)));
        return node;
    }

    private ObjectNode readObject(String pointer, int depth) {
        ObjectNode object = NODES.objectNode();
        Map<String, Integer> firstLines = new HashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            Position keyPosition = here();
            String child = pointer + "/" + SourceMap.escape(name);
            checkTag(child, JsonToken.PROPERTY_NAME, keyPosition);
            // written as an escape ("\u202E") the raw-text check cannot see it, yet the key reads reordered
            name.codePoints().filter(Shown::isBidiControl).findFirst().ifPresent(c ->
                    findings.add(Code.YAML_BIDI, SourceMap.dotted(child), keyPosition, Code.YAML_BIDI.message(c)));
            keyPositions.put(child, keyPosition);
            Integer firstLine = firstLines.putIfAbsent(name, keyPosition.line());
            if (firstLine != null) {
                findings.add(Code.YAML_DUPLICATE_KEY, SourceMap.dotted(child), keyPosition,
                        Code.YAML_DUPLICATE_KEY.message(name, firstLine));
            }
            parser.nextToken();
            object.set(name, readValue(child, keyPosition, depth + 1));
        }
        return object;
    }

    private ArrayNode readArray(String pointer, int depth) {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(pointer + "/" + array.size(), null, depth + 1));
        }
        return array;
    }

    /** A tag outside the core schema, or one that changes how its value reads, is a finding at the node. */
    private void checkTag(String pointer, JsonToken token, Position here) {
        if (parser.isCurrentAlias()) {
            return;
        }
        parser.explicitTag().ifPresent(tag -> CoreTags.refusal(tag, token, parser.scalarText()).ifPresent(reason ->
                findings.add(Code.YAML_TAG, SourceMap.dotted(pointer), here,
                        Code.YAML_TAG.message(CoreTags.shortForm(tag), reason))));
    }

    private JsonNode tooDeep(String pointer, Position position) {
        if (!depthLimitReported) {
            depthLimitReported = true;
            findings.add(Code.YAML_DEPTH, SourceMap.dotted(pointer), position, Code.YAML_DEPTH.message(Limits.MAX_DEPTH));
        }
        parser.skipChildren();
        return NODES.nullNode();
    }

    private JsonNode readAlias(String pointer, Position here) {
        String name = parser.getString();
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            findings.add(Code.YAML_SYNTAX, SourceMap.dotted(pointer), here,
                    Code.YAML_SYNTAX.message("alias '*" + name + "' refers to no anchor defined before it"));
            return NODES.nullNode();
        }
        expandedAliases += 1 + anchored.aliasesInside();
        if (expandedAliases > Limits.MAX_ALIASES) {
            if (!aliasLimitReported) {
                aliasLimitReported = true;
                findings.add(Code.YAML_ALIASES, SourceMap.dotted(pointer), here, Code.YAML_ALIASES.message(Limits.MAX_ALIASES));
            }
            return NODES.nullNode();
        }
        return anchored.node().deepCopy();
    }

    private JsonNode readScalar(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            // strings, and explicitly tagged scalars such as !!binary, which are kept as their text
            default -> NODES.stringNode(parser.getString());
        };
    }

    private Position here() {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new Position(sourceFile, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "null";
        }
        return "the " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " '" + node.asString() + "'";
    }
}
