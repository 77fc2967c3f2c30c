package dev.mlgitops.layout;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The RFC 6902 operations that turn one tree into another. Maps are compared key by key; a list
 * is patched item by item only when both lists have the same length and their items line up
 * (same {@code name} where items are named), otherwise it is replaced whole: index-wise adds and
 * removes would be fragile and hard to review.
 */
final class JsonPatchDiff {

    private JsonPatchDiff() {
    }

    /** The operations, in a stable order: the target's keys in its order, then removals in the source's. */
    static ArrayNode diff(JsonNode from, JsonNode to) {
        ArrayNode operations = JsonNodeFactory.instance.arrayNode();
        diff("", from, to, operations);
        return operations;
    }

    private static void diff(String path, JsonNode from, JsonNode to, ArrayNode operations) {
        if (from.equals(to)) {
            return;
        }
        if (from instanceof ObjectNode fromObject && to instanceof ObjectNode toObject) {
            diffObjects(path, fromObject, toObject, operations);
        } else if (from instanceof ArrayNode fromArray && to instanceof ArrayNode toArray && lineUp(fromArray, toArray)) {
            for (int i = 0; i < toArray.size(); i++) {
                diff(path + "/" + i, fromArray.get(i), toArray.get(i), operations);
            }
        } else {
            operations.add(operation("replace", path).set("value", to.deepCopy()));
        }
    }

    private static void diffObjects(String path, ObjectNode from, ObjectNode to, ArrayNode operations) {
        for (String key : names(to)) {
            String child = path + "/" + escape(key);
            if (from.has(key)) {
                diff(child, from.get(key), to.get(key), operations);
            } else {
                operations.add(operation("add", child).set("value", to.get(key).deepCopy()));
            }
        }
        for (String key : names(from)) {
            if (!to.has(key)) {
                operations.add(operation("remove", path + "/" + escape(key)));
            }
        }
    }

    private static boolean lineUp(ArrayNode from, ArrayNode to) {
        if (from.size() != to.size()) {
            return false;
        }
        for (int i = 0; i < from.size(); i++) {
            JsonNode a = from.get(i);
            JsonNode b = to.get(i);
            if (a.isObject() != b.isObject() || a.isArray() != b.isArray()) {
                return false;
            }
            if (a.isObject() && !a.path("name").equals(b.path("name"))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 6901: '~' becomes "~0" and '/' becomes "~1", in that order. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static ObjectNode operation(String op, String path) {
        ObjectNode operation = JsonNodeFactory.instance.objectNode();
        operation.put("op", op);
        operation.put("path", path);
        return operation;
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}
