package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.TrainingFields;
import dev.mlgitops.yaml.KubeYaml;

/**
 * The training engines that run a pipeline's steps, which differ only in their blueprints:
 * {@code argo-workflows} (a WorkflowTemplate whose DAG follows {@code dependsOn}, and a
 * CronWorkflow that runs it where a schedule is set) and {@code kubernetes-job} (a CronJob, or a
 * Job without schedule, whose pod runs the steps in dependency order).
 */
final class StepsTraining implements Engine {

    private final String name;
    private final List<String> templates;
    private final boolean reportsTaskResults;
    private final RuntimeContract contract;

    private StepsTraining(String name, List<String> templates, boolean reportsTaskResults, RuntimeContract contract) {
        this.name = name;
        this.templates = List.copyOf(templates);
        this.reportsTaskResults = reportsTaskResults;
        this.contract = contract;
    }

    /**
     * What the fix for Argo's executor containers says: the template's {@code podSpecPatch} is merged
     * over the pod by container name, so the blueprint sets it there.
     */
    private static final String ARGO_FIX = "give the template a podSpecPatch with a restricted securityContext for"
            + " 'init' and 'wait' (as the built-in blueprint does), or set executor.securityContext in the"
            + " workflow-controller-configmap";

    /**
     * Argo Workflows (workflow/controller/workflowpod.go, newExecContainer): every pod of a
     * container or script template gets the init container {@code init} and the container
     * {@code wait}, whose securityContext comes only from the controller's
     * {@code executor.securityContext} (written here as nothing) or the template's podSpecPatch.
     */
    private static List<RuntimeContract.Injected> argoExecutor() {
        return List.of(new RuntimeContract.Injected("init", "Argo Workflows", true, "WorkflowTemplate", ARGO_FIX,
                        KubeYaml.newObject(), false),
                new RuntimeContract.Injected("wait", "Argo Workflows", false, "WorkflowTemplate", ARGO_FIX,
                        KubeYaml.newObject(), false));
    }

    /** The steps' stores outside the namespace: the datasets' (on their schemes' or own ports) and the artifacts'. */
    static final RuntimeContract.Connection STORES = new RuntimeContract.Connection(RuntimeContract.PeerKind.EXTERNAL,
            "dataset and artifact stores", 0, "the steps read datasets and write artifacts: 443, or a dataset's store port",
            "datasets").inPolicy(ContractPolicies.STORES);

    /** What Argo's kinds need of the cluster; the pytorchjob engine's schedules run on it too. */
    static final RuntimeContract.Requirement ARGO_WORKFLOWS = new RuntimeContract.Requirement(
            List.of("argoproj.io/WorkflowTemplate", "argoproj.io/CronWorkflow"), "Argo Workflows",
            "v3.6 or later (CronWorkflow schedules)", "workflowtemplates.argoproj.io, cronworkflows.argoproj.io",
            "the controller watching the namespace",
            "executor image runs non-root (the blueprint's podSpecPatch makes init and wait restricted)");

    /** Argo's executor (since v3.4) reports each step's outcome as a WorkflowTaskResult, with the pod's ServiceAccount. */
    static StepsTraining argoWorkflows() {
        return new StepsTraining("argo-workflows", List.of("workflowtemplate.yaml.ftl", "cronworkflow.yaml.ftl", "inputs.yaml.ftl"), true,
                new RuntimeContract(Addresses.withConnections(STORES,
                        RuntimeContract.Connection.external("Kubernetes API server", RenderContext.HTTPS_PORT,
                                "the executor's wait container reports step results (the apiserver's Service port)")
                                .inPolicy(ContractPolicies.APISERVER),
                        RuntimeContract.Connection.external("Kubernetes API server", RenderContext.APISERVER_PORT,
                                "the executor's wait container reports step results (the apiserver's own port)")
                                .inPolicy(ContractPolicies.APISERVER)),
                        List.of(),
                        argoExecutor(),
                        List.of(),
                        Map.of("argoproj.io/WorkflowTemplate", RuntimeContract.Scaling.PARALLEL_STEPS,
                                "argoproj.io/CronWorkflow", RuntimeContract.Scaling.NONE)));
    }

    static StepsTraining kubernetesJob() {
        return new StepsTraining("kubernetes-job", List.of("job.yaml.ftl", "inputs.yaml.ftl"), false,
                new RuntimeContract(Addresses.withConnections(STORES), List.of(), List.of(), List.of(),
                        Map.of("batch/Job", RuntimeContract.Scaling.REPLICAS,
                                "batch/CronJob", RuntimeContract.Scaling.REPLICAS)));
    }

    @Override
    public Stage stage() {
        return Stage.TRAINING;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Class<? extends Record>> specRecord() {
        return Optional.of(TrainingFields.Steps.class);
    }

    @Override
    public String folder() {
        return "training/" + name;
    }

    @Override
    public List<String> templates() {
        return templates;
    }

    @Override
    public RuntimeContract contract() {
        return contract;
    }

    /** Argo's kinds for argo-workflows; nothing for kubernetes-job, whose batch/v1 objects every cluster serves. */
    @Override
    public List<RuntimeContract.Requirement> requirements(Spec.Cluster cluster) {
        return reportsTaskResults ? List.of(ARGO_WORKFLOWS) : List.of();
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        Pipelines.of(context, name).forEach((pipeline, job) -> models.add(new ItemModel(Pipelines.source(pipeline),
                Map.of("pipeline", Pipelines.view(context, pipeline, job, "argo-workflows".equals(name))))));
        return models;
    }

    @Override
    public TenancyNeeds needs(RenderContext context) {
        if (Pipelines.of(context, name).isEmpty()) {
            return TenancyNeeds.NONE;
        }
        List<TenancyNeeds.Grant> grants = !reportsTaskResults ? List.of() : List.of(new TenancyNeeds.Grant(
                context.objectName("workflow-executor"), Pipelines.WORKLOAD, "argoproj.io",
                List.of("workflowtaskresults"), List.of("create", "patch")));
        // steps log to MLflow and read features through the addresses they are given (the contract's connections)
        List<TenancyNeeds.Allow> allows = ContractPolicies.opened(context, Stage.TRAINING, contract);
        // steps read data and write artifacts in stores outside the namespace (buckets, databases)
        // the steps automount no token, so Argo's controller mounts the executor ServiceAccount's token
        // Secret <sa>.service-account-token into init and wait (util/secrets TokenName): one must exist
        List<TenancyNeeds.Egress> egress = new ArrayList<>();
        ContractPolicies.egress(context, Stage.TRAINING, ContractPolicies.STORES, contract,
                connection -> List.of(Pipelines.storePorts(context))).ifPresent(egress::add);
        if (reportsTaskResults) {
            // Argo's wait container writes WorkflowTaskResults through the API server; no pod or namespace
            // selector matches the apiserver (it is no pod of the cluster's network), so addresses on its ports
            Pipelines.of(context, name).keySet().forEach(pipeline ->
                    ContractPolicies.itemEgress(context, pipeline, ContractPolicies.APISERVER, contract).ifPresent(egress::add));
        }
        return new TenancyNeeds(List.of(Pipelines.WORKLOAD), allows, grants, egress,
                reportsTaskResults ? List.of(Pipelines.WORKLOAD) : List.of());
    }
}
