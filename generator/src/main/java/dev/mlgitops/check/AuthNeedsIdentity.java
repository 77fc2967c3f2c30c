package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/**
 * {@code auth.type: oauth2-proxy} signs users in with {@code spec.identity}; without one there is
 * nothing to sign in with. On kserve the proxy is the predictor's serving container, a sound gate
 * unless the predictor has a {@code logger}: KServe's agent then takes Knative's traffic and
 * forwards it to the model's own port (docs/auth.md has the evidence), so a model whose quality is
 * watched with request logging is refused. The model registry's UI goes on a network only behind
 * its proxy: MLflow signs no one in.
 */
final class AuthNeedsIdentity implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, model) -> {
            if (model.auth() == null || !model.auth().proxy()) {
                return;
            }
            String pointer = Pointers.of("serving", name, "auth", "type");
            if ("kserve".equals(model.engine()) && logged(environment.spec(), name)) {
                findings.add(environment.locator().finding(Code.CHECK_AUTH_ENGINE, pointer,
                        Code.CHECK_AUTH_ENGINE.message(name, name, name)));
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

    /** Whether the model's quality is watched with request logging: KServe's {@code logger}, and with it its agent. */
    private static boolean logged(Spec spec, String model) {
        Spec.Quality quality = spec.monitoring() == null ? null : spec.monitoring().quality().get(model);
        return quality != null && quality.logs();
    }
}
