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
 */
final class Notebooks implements Engine {

    private static final RuntimeContract CONTRACT = new RuntimeContract(
            Addresses.withConnections(),
            List.of(),
            List.of(),
            List.of(),
            RuntimeContract.Scaling.ONE);

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
        return List.of("statefulset.yaml.ftl", "service.yaml.ftl");
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
        context.featureServerAccess(stage()).ifPresent(allows::add);
        context.mlflowAccess(stage()).ifPresent(allows::add);
        return new TenancyNeeds(List.of(WORKLOAD), allows);
    }

    private static NotebookView view(RenderContext context, String notebook, Spec.Notebook spec) {
        String name = context.objectName(notebook);
        Map<String, String> annotations = spec.owner() == null ? Map.of() : Map.of("mlgitops.dev/owner", spec.owner());
        Map<String, String> env = new LinkedHashMap<>();
        Addresses.env(context).forEach(address -> env.put(address.name(), address.value()));
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
                spec.storage() == null ? DEFAULT_STORAGE : spec.storage());
    }

    /** What the templates of one notebook see. Nullable: {@code gpu}. */
    public record NotebookView(String name, Map<String, String> labels, Map<String, String> annotations,
                               Map<String, String> selector, Map<String, String> podLabels, String serviceAccount,
                               String image, int port, int user, int group, Map<String, String> env, String cpu,
                               String memory, String gpu, String storage) {}
}
