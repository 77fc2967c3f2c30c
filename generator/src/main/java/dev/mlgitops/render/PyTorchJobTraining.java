package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.TrainingFields;
import dev.mlgitops.render.RuntimeContract.Connection;
import dev.mlgitops.yaml.KubeYaml;

/** Training engine {@code pytorchjob}: per pipeline a PyTorchJob (kubeflow.org/v1), a master plus {@code workers}. */
final class PyTorchJobTraining implements Engine {

    /** The workflow step of a scheduled job that creates it and waits for its end. */
    static final String TRAIN_STEP = "train";
    /** The master's port the operator sets as MASTER_PORT (pytorchjob-port, Training Operator v1's default). */
    static final int RENDEZVOUS_PORT = 23456;

    private static final RuntimeContract CONTRACT = new RuntimeContract(
            Addresses.withConnections(Connection.sameWorkload(RENDEZVOUS_PORT, "the workers reach the master's rendezvous"),
                    Connection.sameWorkload(0, "NCCL and Gloo between all ranks"), StepsTraining.STORES,
                    new Connection(RuntimeContract.PeerKind.EXTERNAL, "Kubernetes API server", RenderContext.HTTPS_PORT,
                            "a scheduled job's Argo step creates the PyTorchJob and watches it (the apiserver's Service port)",
                            "schedule").inPolicy(ContractPolicies.APISERVER),
                    new Connection(RuntimeContract.PeerKind.EXTERNAL, "Kubernetes API server", RenderContext.APISERVER_PORT,
                            "a scheduled job's Argo step creates the PyTorchJob and watches it (the apiserver's own port)",
                            "schedule").inPolicy(ContractPolicies.APISERVER)),
            List.of(Connection.sameWorkload(RENDEZVOUS_PORT, "the master accepts the workers' rendezvous"),
                    Connection.sameWorkload(0, "NCCL and Gloo between all ranks")),
            List.of(initPytorch()),
            List.of(),
            Map.of("kubeflow.org/PyTorchJob", RuntimeContract.Scaling.MASTER_AND_WORKERS,
                    // a schedule's workflow: its step pods, and the job its resource step creates counts as a PyTorchJob
                    "argoproj.io/WorkflowTemplate", RuntimeContract.Scaling.PARALLEL_STEPS,
                    "argoproj.io/CronWorkflow", RuntimeContract.Scaling.NONE));

    @Override
    public Stage stage() {
        return Stage.TRAINING;
    }

    @Override
    public String name() {
        return "pytorchjob";
    }

    @Override
    public Optional<Class<? extends Record>> specRecord() {
        return Optional.of(TrainingFields.PyTorchJob.class);
    }

    @Override
    public String folder() {
        return "training/pytorchjob";
    }

    @Override
    public List<String> templates() {
        return List.of("pytorchjob.yaml.ftl", "inputs.yaml.ftl");
    }

    @Override
    public RuntimeContract contract() {
        return CONTRACT;
    }

    /**
     * Training Operator v1 (pkg/controller.v1/pytorch/initcontainer.go): a PyTorchJob with a Master
     * gets the init container {@code init-pytorch} appended to every Worker, from the controller's
     * template ({@code --pytorch-init-container-template-file}) or a built-in one without a
     * securityContext (written here as nothing). A pod cannot pre-empt it (a second container of that
     * name is invalid), so the controller setting is the fix: a prerequisite, not a finding.
     */
    private static RuntimeContract.Injected initPytorch() {
        return new RuntimeContract.Injected("init-pytorch", "Kubeflow Training Operator", true, "PyTorchJob",
                "mount an init container template with a restricted securityContext into the training-operator"
                        + " and pass --pytorch-init-container-template-file (see PREREQUISITES.md)",
                KubeYaml.newObject(), true);
    }

    /** The Training Operator; with a schedule, the CronWorkflow and WorkflowTemplate that create the jobs need Argo's. */
    @Override
    public List<RuntimeContract.Requirement> requirements(Spec.Cluster cluster) {
        return List.of(new RuntimeContract.Requirement(List.of("kubeflow.org/PyTorchJob"), "Kubeflow Training Operator",
                        "v1 (release-1.9)", "pytorchjobs.kubeflow.org", "kubeflow",
                        "--pytorch-init-container-template-file with a restricted securityContext for init-pytorch"
                                + " (Pod Security restricted rejects the built-in one)"),
                StepsTraining.ARGO_WORKFLOWS);
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        Pipelines.of(context, name()).forEach((pipeline, job) -> {
            // registerModel without a schedule is refused before rendering (MLG-CHECK-REGISTER-UNSCHEDULED-PYTORCHJOB)
            models.add(new ItemModel(Pipelines.source(pipeline), Map.of("pipeline", view(context, pipeline, job))));
        });
        return models;
    }

    /**
     * The training ServiceAccount; the ranks of one job to each other on every port (the rendezvous
     * port, then NCCL's and Gloo's ephemeral ones), and nothing else in on any port; MLflow and the
     * feature server, whose addresses every rank is given.
     */
    @Override
    public TenancyNeeds needs(RenderContext context) {
        // the ranks of each job reach each other, and the job logs to MLflow and reads features (the contract's connections)
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        Pipelines.of(context, name()).keySet().forEach(pipeline ->
                ContractPolicies.withinWorkload(context, pipeline, CONTRACT).ifPresent(allows::add));
        if (!allows.isEmpty()) {
            allows.addAll(ContractPolicies.opened(context, Stage.TRAINING, CONTRACT));
        }
        if (allows.isEmpty()) {
            return TenancyNeeds.NONE;
        }
        // workers read data and write checkpoints in stores outside the namespace
        List<TenancyNeeds.Egress> egress = new ArrayList<>();
        ContractPolicies.egress(context, Stage.TRAINING, ContractPolicies.STORES, CONTRACT,
                connection -> List.of(Pipelines.storePorts(context))).ifPresent(egress::add);
        List<String> scheduled = Pipelines.of(context, name()).entrySet().stream()
                .filter(e -> e.getValue().schedule() != null).map(Map.Entry::getKey).toList();
        if (scheduled.isEmpty()) {
            return new TenancyNeeds(List.of(Pipelines.WORKLOAD), allows, List.of(), egress);
        }
        // a scheduled job is created by an Argo Workflow's resource step, as the training ServiceAccount: it may
        // create the PyTorchJob and watch it (the executor reads its status for the success and failure
        // conditions), needs the executor's token Secret and reaches the API server
        scheduled.forEach(pipeline ->
                ContractPolicies.itemEgress(context, pipeline, ContractPolicies.APISERVER, CONTRACT).ifPresent(egress::add));
        List<TenancyNeeds.Grant> grants = List.of(new TenancyNeeds.Grant(context.objectName("pytorchjob-launcher"),
                Pipelines.WORKLOAD, "kubeflow.org", List.of("pytorchjobs"), List.of("create", "get", "list", "watch")));
        return new TenancyNeeds(List.of(Pipelines.WORKLOAD), allows, grants, egress, List.of(Pipelines.WORKLOAD));
    }

    /**
     * With a schedule, each run is a workflow ({@value Pipelines#RUN_ENV} its name), so the ranks' MLflow
     * runs are tagged with it and the registration after the job finds them.
     */
    private static DistributedView view(RenderContext context, String pipeline, Spec.TrainingJob job) {
        String name = context.objectName(pipeline);
        boolean scheduled = job.schedule() != null;
        Pipelines.InputsView inputs = Pipelines.inputs(context, pipeline, job, false);
        TrainingFields.PyTorchJob own = job.own(TrainingFields.PyTorchJob.class);
        Pipelines.StepView step = Pipelines.step(context, "pytorch", own.image(), own.command(), List.of(), Map.of(),
                own.resources(), inputs.env(pipeline, "pytorch", scheduled));
        Pipelines.RegisterView register = scheduled && job.registerModel() != null
                ? Pipelines.register(context, pipeline, job.registerModel(), inputs, Pipelines.REGISTER_STEP,
                        context.environment().image(own.image()), List.of(TRAIN_STEP))
                : null;
        return new DistributedView(name, context.labels(Stage.TRAINING, name), context.podLabels(Stage.TRAINING, name),
                context.objectName(Pipelines.WORKLOAD), job.secrets().stream().map(context::objectName).toList(), inputs,
                step, own.workers() == null ? 0 : own.workers(), job.schedule(), register);
    }

    /**
     * One distributed job: its inputs, the container every replica runs, and how many workers beside
     * the master. Nullable: {@code schedule} (the job runs once), {@code register} (no registerModel,
     * or no schedule).
     */
    public record DistributedView(String name, Map<String, String> labels, Map<String, String> podLabels,
                                  String serviceAccount, List<String> secrets, Pipelines.InputsView inputs,
                                  Pipelines.StepView step, int workers, String schedule, Pipelines.RegisterView register) {}
}
