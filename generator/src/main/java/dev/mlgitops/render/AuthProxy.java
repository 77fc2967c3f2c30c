package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.model.Spec;

/**
 * The oauth2-proxy put in front of a server (a served model with {@code auth.type: oauth2-proxy},
 * a private notebook): what {@code /lib/authproxy.ftl} places, derived once here for both.
 *
 * <p>Flags (oauth2-proxy's command line options, 7.x): {@code --provider=oidc} with
 * {@code --oidc-issuer-url} and {@code --client-id} from {@code spec.identity}; {@code --http-address}
 * on every address of the pod at {@link #PORT}; {@code --upstream} the server on 127.0.0.1;
 * {@code --reverse-proxy} behind the ingress controller; {@code --cookie-secure}; admitted users
 * by {@code --authenticated-emails-file} (a ConfigMap) when there is a list, else
 * {@code --email-domain=*} (any signed-in user), narrowed by {@code --allowed-group}. oauth2-proxy
 * checks a group on top of the e-mail, never instead. API clients of a served model send a bearer
 * token of the same issuer instead of a cookie ({@code --skip-jwt-bearer-tokens}).
 */
final class AuthProxy {

    /** oauth2-proxy's default port, and the Service's target when a proxy is in front. */
    static final int PORT = 4180;
    /** The port's name where a Service targets it by name. */
    static final String PORT_NAME = "proxy";
    /** oauth2-proxy's own readiness endpoint, answered without a sign-in. */
    static final String READY_PATH = "/ready";
    static final String CONTAINER = "auth-proxy";
    /** The egress policy of the proxies of a stage, {@code <project>-<stage>-to-identity}. */
    static final String IDENTITY = "identity";
    /**
     * The proxy signs users in at the OpenID Connect provider (discovery, keys, token redemption) on
     * 443; the provider's address is outside the spec, so any but the metadata one.
     */
    static final RuntimeContract.Connection IDENTITY_PROVIDER = new RuntimeContract.Connection(
            RuntimeContract.PeerKind.EXTERNAL, "identity provider", RenderContext.HTTPS_PORT,
            "the auth-proxy signs users in (spec.identity.issuer)",
            "an auth-proxy in front: spec.identity and a notebook's owner or auth.type oauth2-proxy").inPolicy(IDENTITY);
    static final String DEFAULT_IMAGE = "quay.io/oauth2-proxy/oauth2-proxy:v7.15.2";
    /** A Go proxy holding sessions in cookies: little CPU, little memory. */
    static final String CPU = "100m";
    static final String MEMORY = "128Mi";
    static final String EMAILS_DIRECTORY = "/etc/oauth2-proxy";
    static final String EMAILS_FILE = "emails";

    private AuthProxy() {
    }

    /**
     * The proxy in front of the server {@code name} listening on {@code upstreamPort}; empty when
     * the spec has no {@code identity} (the caller reports that, or stays without a proxy).
     *
     * @param emails the users admitted, empty for any user of the provider
     * @param groups the groups a user must be in, empty for any
     * @param bearer whether API clients may send a bearer token instead of signing in
     */
    static Optional<View> view(RenderContext context, String name, int upstreamPort, List<String> emails,
                               List<String> groups, boolean bearer) {
        Spec.Identity identity = context.spec().identity();
        if (identity == null) {
            return Optional.empty();
        }
        String emailsConfigMap = emails.isEmpty() ? null : name + "-auth-emails";
        List<String> args = new ArrayList<>(List.of(
                "--provider=oidc",
                "--oidc-issuer-url=" + identity.issuer(),
                "--client-id=" + identity.clientId(),
                "--http-address=0.0.0.0:" + PORT,
                "--upstream=http://127.0.0.1:" + upstreamPort + "/",
                "--reverse-proxy=true",
                "--cookie-secure=true",
                "--skip-provider-button=true"));
        if (bearer) {
            args.add("--skip-jwt-bearer-tokens=true");
        }
        if (emailsConfigMap == null) {
            args.add("--email-domain=*");
        } else {
            args.add("--authenticated-emails-file=" + EMAILS_DIRECTORY + "/" + EMAILS_FILE);
        }
        groups.forEach(group -> args.add("--allowed-group=" + group));
        return Optional.of(new View(CONTAINER,
                identity.image() == null ? DEFAULT_IMAGE : context.environment().image(identity.image()),
                args, PORT, PORT_NAME, READY_PATH, upstreamPort,
                context.secretName(identity.clientSecret().secret()), identity.clientSecret().key(),
                context.secretName(identity.cookieSecret().secret()), identity.cookieSecret().key(),
                CPU, MEMORY, List.copyOf(emails), emailsConfigMap, EMAILS_DIRECTORY, EMAILS_FILE,
                emails.isEmpty() ? null : String.join("\n", emails) + "\n"));
    }

    /**
     * What the fragment places. Nullable: {@code portName} (an unnamed port, behind Knative),
     * {@code emailsConfigMap} and {@code emailsText} (no list: any signed-in user).
     *
     * @param readinessPath the path the proxy's readiness probe asks: its own {@code /ready}, or the
     *                      server's health path through the proxy (see {@link #behindKnative})
     */
    public record View(String container, String image, List<String> args, int port, String portName,
                       String readinessPath, int upstreamPort,
                       String clientSecret, String clientSecretKey, String cookieSecret, String cookieSecretKey,
                       String cpu, String memory, List<String> emails, String emailsConfigMap,
                       String emailsDirectory, String emailsFile, String emailsText) {

        /**
         * The proxy as the one serving container of a Knative revision (a KServe predictor), with
         * the server beside it on 127.0.0.1. Knative admits a port only unnamed (or named
         * {@code http1} or {@code h2c}), makes the one declared port the queue-proxy's user port, and
         * without its {@code multi-container-probing} flag admits probes on that container only
         * (knative/serving pkg/apis/serving/k8s_validation.go): so the port has no name, and the
         * readiness probe asks the server's {@code healthPath} through the proxy, which lets that
         * one path (GET) through without a sign-in. The revision is then ready when the model is,
         * not when the proxy is.
         */
        View behindKnative(String healthPath) {
            List<String> knativeArgs = new ArrayList<>(args);
            knativeArgs.add("--skip-auth-route=GET=^" + healthPath + "$");
            return new View(container, image, List.copyOf(knativeArgs), port, null, healthPath, upstreamPort,
                    clientSecret, clientSecretKey, cookieSecret, cookieSecretKey, cpu, memory, emails, emailsConfigMap,
                    emailsDirectory, emailsFile, emailsText);
        }
    }
}
