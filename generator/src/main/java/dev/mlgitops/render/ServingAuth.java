package dev.mlgitops.render;

import java.util.List;
import java.util.Map;

import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * What a served model's {@code auth} adds to the objects of the deployment and vllm engines: the
 * oauth2-proxy in front of the model's port (the Service and the NetworkPolicies then point at the
 * proxy), or Istio's jwt check in a sidecar.
 *
 * @param proxy     the oauth2-proxy, null unless {@code auth.type} is oauth2-proxy and the spec has an identity
 * @param jwt       the Istio objects, null unless {@code auth.type} is jwt
 * @param podLabels the pods' labels (with jwt, Istio's injection label too)
 */
record ServingAuth(AuthProxy.View proxy, JwtAuth.View jwt, Map<String, String> podLabels) {

    static ServingAuth of(RenderContext context, String name, Spec.ServingModel serving, int port) {
        Spec.Auth auth = serving.auth();
        AuthProxy.View proxy = auth != null && auth.proxy()
                ? AuthProxy.view(context, name, port, auth.allowedEmails(), auth.allowedGroups(), true).orElse(null)
                : null;
        return new ServingAuth(proxy, JwtAuth.view(name, auth),
                JwtAuth.podLabels(context.podLabels(Stage.SERVING, name), auth));
    }

    /** Whether an oauth2-proxy stands in front of the model: clients reach the proxy's port, not the model's. */
    static boolean proxied(Spec.ServingModel serving) {
        return serving.auth() != null && serving.auth().proxy();
    }

    /** The port clients in the namespace and the ingress controller are let in on. */
    static int clientPort(Spec.ServingModel serving, int modelPort) {
        return proxied(serving) ? AuthProxy.PORT : modelPort;
    }

    /** With a proxy, the models' pods reach the identity provider (the serving engine's {@code contract}'s connection). */
    static List<TenancyNeeds.Egress> egress(RenderContext context, Map<String, Spec.ServingModel> models,
                                            RuntimeContract contract) {
        return models.values().stream().anyMatch(ServingAuth::proxied) && context.spec().identity() != null
                ? ContractPolicies.egress(context, Stage.SERVING, AuthProxy.IDENTITY, contract, connection -> List.of())
                        .stream().toList()
                : List.of();
    }
}
