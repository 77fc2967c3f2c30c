package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * The notebooks stage: per notebook a StatefulSet of one Jupyter pod whose home directory is its
 * own volume (a claim template of the asked size), and the headless Service that names the pod.
 * Notebooks reach the feature server and MLflow by the addresses in their environment.
 *
 * <p>Private notebooks: with {@code spec.identity} and an {@code owner}, an oauth2-proxy in the pod
 * admits only the owner and {@code shared} (by e-mail), and an {@code ingress} host reaches Jupyter
 * through it only. Without an identity a notebook is reachable by {@code kubectl port-forward} only.
 * Jupyter keeps its own token behind the proxy. {@code idleTimeout} is Jupyter's own culling of
 * idle kernels and terminals, passed by {@code NOTEBOOK_ARGS}, which the docker-stacks images'
 * start-notebook.py appends to {@code jupyter lab}. Named {@code egress} destinations open 443.
 */
final class Notebooks implements Engine {

    /** The egress policy of a notebook with named destinations, {@code <project>-<notebook>-to-package-indexes}. */
    private static final String PACKAGE_INDEXES = "package-indexes";

    private static final RuntimeContract CONTRACT = new RuntimeContract(
            Addresses.withConnections(AuthProxy.IDENTITY_PROVIDER,
                    new RuntimeContract.Connection(RuntimeContract.PeerKind.EXTERNAL, "package indexes", RenderContext.HTTPS_PORT,
                            "a notebook's named egress destinations (PyPI, Hugging Face), on HTTPS", "egress")
                            .inPolicy(PACKAGE_INDEXES)),
            List.of(new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE_PODS, "", AuthProxy.PORT,
                            "clients in the namespace, through the auth-proxy", "spec.identity"),
                    new RuntimeContract.Connection(RuntimeContract.PeerKind.INGRESS_CONTROLLER, "", AuthProxy.PORT,
                            "the ingress controller, through the auth-proxy", "ingress")),
            List.of(),
            List.of(),
            Map.of("apps/StatefulSet", RuntimeContract.Scaling.REPLICAS));

    /** The workload kind, and so the ServiceAccount {@code <project>-notebooks}. */
    static final String WORKLOAD = Stage.NOTEBOOKS.folder();
    /** Jupyter's port in the docker-stacks images. */
    static final int PORT = 8888;
    /** jovyan, the docker-stacks images' user, and its group users: the volume is made writable for it. */
    static final int USER = 1000;
    static final int GROUP = 100;
    /** The volume of a notebook that names no storage. */
    static final String DEFAULT_STORAGE = "10Gi";

    @Override
    public Stage stage() {
        return Stage.NOTEBOOKS;
    }

    @Override
    public String name() {
        return stage().folder();
    }

    @Override
    public String folder() {
        return "notebooks";
    }

    @Override
    public List<String> templates() {
        return List.of("statefulset.yaml.ftl", "service.yaml.ftl", "ingress.yaml.ftl", "auth-emails.yaml.ftl");
    }

    @Override
    public RuntimeContract contract() {
        return CONTRACT;
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        context.spec().notebooks().forEach((notebook, spec) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("notebook", view(context, notebook, spec));
            models.add(new ItemModel("/notebooks/" + Locator.escape(notebook), data));
        });
        return models;
    }

    @Override
    public TenancyNeeds needs(RenderContext context) {
        if (context.spec().notebooks().isEmpty()) {
            return TenancyNeeds.NONE;
        }
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        List<TenancyNeeds.Egress> egress = new ArrayList<>();
        boolean proxied = false;
        for (Map.Entry<String, Spec.Notebook> entry : context.spec().notebooks().entrySet()) {
            Spec.Notebook notebook = entry.getValue();
            if (isPrivate(context, notebook)) {
                proxied = true;
                // signed-in users come through the proxy only; Jupyter's own port stays closed
                ContractPolicies.inbound(context, entry.getKey(), "proxy", CONTRACT, PORT, notebook.ingress() != null)
                        .ifPresent(allows::add);
            }
            if (!notebook.egress().isEmpty()) {
                ContractPolicies.itemEgress(context, entry.getKey(), PACKAGE_INDEXES, CONTRACT).ifPresent(egress::add);
            }
        }
        if (proxied) {
            ContractPolicies.egress(context, stage(), AuthProxy.IDENTITY, CONTRACT, connection -> List.of())
                    .ifPresent(identity -> egress.add(0, identity));
        }
        allows.addAll(ContractPolicies.opened(context, stage(), CONTRACT));
        return new TenancyNeeds(List.of(WORKLOAD), allows, List.of(), egress);
    }

    /** Whether a notebook gets an oauth2-proxy: an identity to sign in with and an owner to admit. */
    private static boolean isPrivate(RenderContext context, Spec.Notebook notebook) {
        return context.spec().identity() != null && notebook.owner() != null;
    }

    /** Jupyter's culling flags for an idle timeout (a duration of the spec), or null for none. */
    static String cullingArgs(String idleTimeout) {
        if (idleTimeout == null) {
            return null;
        }
        long seconds = new java.math.BigDecimal(PrometheusMonitoring.seconds(idleTimeout))
                .setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        // the culler looks every cull_interval seconds (300 by default): no less often than the timeout
        long interval = Math.max(1, Math.min(300, seconds));
        return "--MappingKernelManager.cull_idle_timeout=" + seconds
                + " --MappingKernelManager.cull_interval=" + interval
                + " --TerminalManager.cull_inactive_timeout=" + seconds
                + " --TerminalManager.cull_interval=" + interval;
    }

    private static NotebookView view(RenderContext context, String notebook, Spec.Notebook spec) {
        String name = context.objectName(notebook);
        Map<String, String> annotations = spec.owner() == null ? Map.of() : Map.of("mlgitops.dev/owner", spec.owner());
        Map<String, String> env = new LinkedHashMap<>();
        Addresses.env(context).forEach(address -> env.put(address.name(), address.value()));
        String culling = cullingArgs(spec.idleTimeout());
        if (culling != null) {
            env.put("NOTEBOOK_ARGS", culling);
        }
        AuthProxy.View proxy = null;
        if (isPrivate(context, spec)) {
            List<String> admitted = new ArrayList<>();
            admitted.add(spec.owner());
            spec.shared().stream().filter(user -> !admitted.contains(user)).forEach(admitted::add);
            proxy = AuthProxy.view(context, name, PORT, admitted, List.of(), false).orElse(null);
        }
        Spec.Ingress ingress = proxy == null ? null : spec.ingress();
        return new NotebookView(
                name,
                context.labels(Stage.NOTEBOOKS, name),
                annotations,
                RenderContext.selector(name),
                context.podLabels(Stage.NOTEBOOKS, name),
                context.objectName(WORKLOAD),
                context.environment().image(spec.image()),
                PORT, USER, GROUP,
                env,
                spec.resources().cpu(), spec.resources().memory(), spec.resources().gpu(),
                spec.storage() == null ? DEFAULT_STORAGE : spec.storage(),
                proxy,
                ingress == null ? null : ingress.host(),
                ingress != null && ingress.tls(),
                name + "-tls");
    }

    /**
     * What the templates of one notebook see. Nullable: {@code gpu}, {@code proxy} (a notebook
     * without an oauth2-proxy), {@code host} (no ingress).
     */
    public record NotebookView(String name, Map<String, String> labels, Map<String, String> annotations,
                               Map<String, String> selector, Map<String, String> podLabels, String serviceAccount,
                               String image, int port, int user, int group, Map<String, String> env, String cpu,
                               String memory, String gpu, String storage, AuthProxy.View proxy, String host,
                               boolean tls, String tlsSecret) {}
}
