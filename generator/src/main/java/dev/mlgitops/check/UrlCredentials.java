package dev.mlgitops.check;

import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.load.SourceMap;
import tools.jackson.databind.JsonNode;

/**
 * A URL with user information anywhere in the spec (the GitOps repository, a model's storage, a
 * store, a cluster) would be written into the generated files and the GitOps repository's
 * history: refused wherever it stands. The spec is read as written, environments' overrides
 * included, in one walk; env values and arguments are {@link PlainSecrets}' part.
 */
final class UrlCredentials {

    private UrlCredentials() {
    }

    static void check(LoadedSpec loaded, Findings findings) {
        JsonNode spec = loaded.root().get("spec");
        if (spec != null) {
            walk(spec, "/spec", loaded.sourceMap(), findings);
        }
    }

    private static void walk(JsonNode node, String pointer, SourceMap sources, Findings findings) {
        if (node.isString()) {
            Credentials.urlWithCredentials(node.asString()).ifPresent(shown -> findings.add(Finding.of(
                    Code.CHECK_URL_CREDENTIALS, SourceMap.dotted(pointer), sources.at(pointer),
                    Code.CHECK_URL_CREDENTIALS.message(shown))));
        } else if (isPlainSecretsPart(pointer)) {
            return;
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, sources, findings);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), pointer + "/" + SourceMap.escape(field.getKey()), sources, findings);
            }
        }
    }

    private static boolean isPlainSecretsPart(String pointer) {
        return pointer.endsWith("/env") || pointer.endsWith("/args") || pointer.endsWith("/command");
    }
}
