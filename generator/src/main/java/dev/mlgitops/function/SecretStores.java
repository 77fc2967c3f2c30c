package dev.mlgitops.function;

import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.typed.TypedObject;

/**
 * External Secrets Operator resolves an ExternalSecret's {@code secretStoreRef} of kind
 * {@code SecretStore} in the ExternalSecret's own namespace (a ClusterSecretStore is cluster-wide,
 * the platform's). The tree makes no SecretStore, and its AppProject whitelists only the kinds the
 * tree emits, so a SecretStore named by the spec exists only if the platform made it in every
 * environment's namespace: a warning, and a prerequisite of the tree.
 */
final class SecretStores {

    private final Locator locator;

    SecretStores(Locator locator) {
        this.locator = locator;
    }

    /** The name of the namespaced SecretStore the objects read from and none of them makes. */
    static Optional<String> missing(List<TypedObject> objects) {
        for (TypedObject object : objects) {
            if (!object.key().kind().equals("ExternalSecret")) {
                continue;
            }
            var reference = object.manifest().path("spec").path("secretStoreRef");
            // ESO's default kind is SecretStore
            if (!reference.path("kind").asString("SecretStore").equals("SecretStore")) {
                continue;
            }
            String name = reference.path("name").asString("");
            boolean made = objects.stream().anyMatch(o -> o.key().kind().equals("SecretStore") && o.key().name().equals(name));
            if (!made) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    void check(String environment, String namespace, List<TypedObject> objects, List<Finding> findings) {
        missing(objects).ifPresent(name -> findings.add(locator.finding(Code.FUNCTION_SECRET_STORE, "/secrets/store/kind",
                Code.FUNCTION_SECRET_STORE.message(environment, name, namespace))));
    }
}
