package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/**
 * {@code auth.type: oauth2-proxy} signs users in with {@code spec.identity}; without one there is
 * nothing to sign in with. On kserve a proxy beside the model is no sound gate (KServe's agent
 * forwards Knative's traffic to the model's own port; docs/auth.md has the evidence), so there it
 * is jwt or nothing. The model registry's UI goes on a network only behind its
 * proxy: MLflow signs no one in.
 */
final class AuthNeedsIdentity implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, model) -> {
            if (model.auth() == null || !model.auth().proxy()) {
                return;
            }
            String pointer = Pointers.of("serving", name, "auth", "type");
            if ("kserve".equals(model.engine())) {
                findings.add(environment.locator().finding(Code.CHECK_AUTH_ENGINE, pointer,
                        Code.CHECK_AUTH_ENGINE.message(name)));
            } else if (environment.spec().identity() == null) {
                findings.add(environment.locator().finding(Code.CHECK_AUTH_IDENTITY, pointer,
                        Code.CHECK_AUTH_IDENTITY.message(name)));
            }
        });
        Spec.ModelRegistry registry = environment.spec().modelRegistry();
        if (registry != null) {
            boolean proxied = registry.auth() != null && registry.auth().proxy();
            if (proxied && environment.spec().identity() == null) {
                findings.add(environment.locator().finding(Code.CHECK_REGISTRY_AUTH_IDENTITY,
                        Pointers.of("modelRegistry", "auth", "type"), Code.CHECK_REGISTRY_AUTH_IDENTITY.message()));
            }
            if (registry.ingress() != null && !proxied) {
                findings.add(environment.locator().finding(Code.CHECK_REGISTRY_INGRESS,
                        Pointers.of("modelRegistry", "ingress"), Code.CHECK_REGISTRY_INGRESS.message()));
            }
        }
        if (environment.spec().identity() == null) {
            environment.spec().notebooks().forEach((name, notebook) -> {
                if (notebook.ingress() != null) {
                    findings.add(environment.locator().finding(Code.CHECK_NOTEBOOK_INGRESS,
                            Pointers.of("notebooks", name, "ingress"), Code.CHECK_NOTEBOOK_INGRESS.message(name)));
                }
            });
        }
    }
}
