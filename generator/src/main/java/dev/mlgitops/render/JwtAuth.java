package dev.mlgitops.render;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.model.Spec;

/**
 * {@code auth.type: jwt}: Istio's RequestAuthentication and AuthorizationPolicy for one served
 * model's pods (security.istio.io/v1, {@code /lib/istio.ftl}), and the pod label that has Istio
 * inject its sidecar, which does the checking.
 */
final class JwtAuth {

    /** Istio's per-pod injection switch; a label since Istio 1.x prefers it to the annotation. */
    static final Map<String, String> INJECT = Map.of("sidecar.istio.io/inject", "true");

    private JwtAuth() {
    }

    /**
     * What the jwt objects need of the cluster: Istio in sidecar mode with its CNI, in the networking
     * layer's namespace when Knative's layer is Istio. Every serving engine that renders them lists it.
     */
    static RuntimeContract.Requirement istio(Spec.Cluster cluster) {
        String layer = cluster.knative().networking();
        return new RuntimeContract.Requirement(
                List.of("security.istio.io/RequestAuthentication", "security.istio.io/AuthorizationPolicy"),
                "Istio (sidecar mode) with istio-cni", "1.22 or later (security.istio.io/v1)",
                "requestauthentications.security.istio.io, authorizationpolicies.security.istio.io",
                "istio".equals(layer) ? cluster.knative().namespace() : "istio-system",
                "sidecar injection by the pod label sidecar.istio.io/inject; istio-cni, as Pod Security restricted refuses"
                        + " istio-init's NET_ADMIN; with kserve, knative-serving's activator in the mesh too");
    }

    /** The view of a model's jwt auth; null when its auth is not jwt. */
    static View view(String name, Spec.Auth auth) {
        if (auth == null || !auth.jwt()) {
            return null;
        }
        // request.auth.claims[<name>] is the AuthorizationPolicy condition on one claim; sorted for stable bytes
        Map<String, String> claims = new TreeMap<>();
        auth.requiredClaims().forEach((claim, value) -> claims.put("request.auth.claims[" + claim + "]", value));
        return new View(name, RenderContext.selector(name), auth.issuer(), auth.jwksUri(), auth.audiences(),
                List.of(auth.issuer() + "/*"), claims);
    }

    /** The pod labels of a model: with jwt, Istio's injection label too. */
    static Map<String, String> podLabels(Map<String, String> podLabels, Spec.Auth auth) {
        if (auth == null || !auth.jwt()) {
            return podLabels;
        }
        Map<String, String> labels = new TreeMap<>(podLabels);
        labels.putAll(INJECT);
        return labels;
    }

    /**
     * @param principals the AuthorizationPolicy's requestPrincipals: {@code <iss>/<sub>} of any subject of the issuer
     * @param claims     the condition key of each required claim, with the value it must have
     */
    public record View(String name, Map<String, String> selector, String issuer, String jwksUri,
                       List<String> audiences, List<String> principals, Map<String, String> claims) {}
}
