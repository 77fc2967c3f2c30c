package dev.mlgitops.check;

import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;

/**
 * A URL with user information anywhere in the spec (the GitOps repository, a model's storage, a
 * store, a cluster) would be written into the generated files and the GitOps repository's
 * history: refused wherever it stands. Env values and arguments are {@link PlainSecrets}' part.
 */
final class UrlCredentials implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        walk(KubeYaml.mapper().valueToTree(environment.spec()), "", environment, findings);
    }

    private static void walk(JsonNode node, String pointer, ResolvedEnvironment environment, Findings findings) {
        if (node.isString()) {
            Credentials.urlWithCredentials(node.asString()).ifPresent(shown -> findings.add(environment.locator()
                    .finding(Code.CHECK_URL_CREDENTIALS, pointer, Code.CHECK_URL_CREDENTIALS.message(shown))));
        } else if (node.isArray()) {
            if (!isPlainSecretsPart(pointer)) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), pointer + "/" + i, environment, findings);
                }
            }
        } else if (node.isObject() && !isPlainSecretsPart(pointer)) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), pointer + Pointers.of(field.getKey()), environment, findings);
            }
        }
    }

    private static boolean isPlainSecretsPart(String pointer) {
        return pointer.endsWith("/env") || pointer.endsWith("/args") || pointer.endsWith("/command");
    }
}
