package dev.mlgitops.function;

import java.util.List;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;

/**
 * Argo Workflows' executor containers ({@code init}, {@code wait}) talk to the API server with the
 * executor ServiceAccount's token. When the workflow's pods automount none
 * ({@code automountServiceAccountToken: false}), the controller mounts that token from a Secret it
 * looks up by name: the one the ServiceAccount lists, else {@code <sa>.service-account-token}
 * (argo-workflows util/secrets, TokenName). The ServiceAccounts mlgitops makes list no Secret, so
 * that Secret, of type {@code kubernetes.io/service-account-token} and annotated with the
 * ServiceAccount's name, must be among the environment's objects; without it every step pod fails
 * to start (its volume's Secret is not found).
 */
final class ExecutorToken {

    static final String TOKEN_TYPE = "kubernetes.io/service-account-token";
    static final String ACCOUNT_ANNOTATION = "kubernetes.io/service-account.name";

    private final Locator locator;

    ExecutorToken(Locator locator) {
        this.locator = locator;
    }

    /** The Secret Argo Workflows mounts for a ServiceAccount that lists none. */
    static String secretName(String serviceAccount) {
        return serviceAccount + ".service-account-token";
    }

    void check(List<TypedObject> objects, List<Finding> findings) {
        for (TypedObject object : objects) {
            if (!object.key().kind().equals("WorkflowTemplate")) {
                continue;
            }
            JsonNode spec = object.manifest().path("spec");
            if (spec.path("automountServiceAccountToken").asBoolean(true)) {
                continue;
            }
            String account = spec.path("executor").path("serviceAccountName")
                    .asString(spec.path("serviceAccountName").asString("default"));
            String secret = secretName(account);
            if (!provided(objects, secret, account)) {
                findings.add(locator.finding(Code.FUNCTION_EXECUTOR_TOKEN, object.source(),
                        Code.FUNCTION_EXECUTOR_TOKEN.message(object.key().kind() + " " + object.key().name(), secret,
                                account)));
            }
        }
    }

    private static boolean provided(List<TypedObject> objects, String secret, String account) {
        for (TypedObject object : objects) {
            JsonNode manifest = object.manifest();
            if (object.key().kind().equals("Secret") && object.key().name().equals(secret)
                    && manifest.path("type").asString("").equals(TOKEN_TYPE)
                    && manifest.path("metadata").path("annotations").path(ACCOUNT_ANNOTATION).asString("").equals(account)) {
                return true;
            }
        }
        return false;
    }
}
