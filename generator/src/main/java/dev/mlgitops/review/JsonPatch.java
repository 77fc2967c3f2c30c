package dev.mlgitops.review;

import dev.mlgitops.MlGitopsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Applies RFC 6902 add, remove, replace and test operations in place: the ones our overlays write. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, ArrayNode operations, String source) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asString("");
            String path = operation.path("path").asString("");
            int slash = path.lastIndexOf('/');
            if (slash < 0) {
                throw failure(source, op, path, "the path does not start with '/'");
            }
            JsonNode parent = document.at(path.substring(0, slash));
            String token = unescape(path.substring(slash + 1));
            JsonNode value = operation.path("value").deepCopy();
            if (op.equals("test")) {
                // what a replace by position relies on: kustomize refuses the whole overlay when it fails
                if (!document.at(path).equals(value)) {
                    throw failure(source, op, path, "it holds " + document.at(path) + ", not " + value);
                }
                continue;
            }
            if (parent instanceof ObjectNode object) {
                if (!op.equals("add") && !object.has(token)) {
                    throw failure(source, op, path, "nothing is there");
                }
                switch (op) {
                    case "add", "replace" -> object.set(token, value);
                    case "remove" -> object.remove(token);
                    default -> throw failure(source, op, path, "the review knows only add, remove and replace");
                }
            } else if (parent instanceof ArrayNode array) {
                int index = token.equals("-") ? array.size() : Integer.parseInt(token);
                switch (op) {
                    case "add" -> array.insert(index, value);
                    case "replace" -> array.set(index, value);
                    case "remove" -> array.remove(index);
                    default -> throw failure(source, op, path, "the review knows only add, remove and replace");
                }
            } else {
                throw failure(source, op, path, "its parent does not exist");
            }
        }
    }

    private static MlGitopsException failure(String source, String op, String path, String reason) {
        return new MlGitopsException("applying a patch of " + source + ": " + op + " " + path + ": " + reason);
    }

    /** RFC 6901: "~1" becomes '/' and "~0" becomes '~', in that order. */
    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
