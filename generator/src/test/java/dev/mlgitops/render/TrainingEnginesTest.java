package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.TrainingFields;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The training engines on the reference: argo-workflows, kubernetes-job and pytorchjob. */
class TrainingEnginesTest {

    private static final String NIGHTLY = "fraud-detection-nightly";
    private static final String TRAINER = "registry.example.com/risk/fraud-trainer:1.4.2";

    @Test
    void workflowTemplateDagFollowsDependsOnAndRegistersAfterTheLeaves() {
        ObjectNode template = Rendering.of(ReferenceProject.prod()).get("WorkflowTemplate/" + NIGHTLY);

        assertThat(template.at("/spec/entrypoint").asString()).isEqualTo("pipeline");
        assertThat(template.at("/spec/templates/0/dag/tasks")).isEqualTo(json("""
                [{"name":"extract","template":"extract"},
                 {"name":"train","template":"train","dependencies":["extract"]},
                 {"name":"evaluate","template":"evaluate","dependencies":["train"]},
                 {"name":"register-model","template":"register-model","dependencies":["evaluate"]}]"""));
        assertThat(names(template.at("/spec/templates"))).containsExactly("pipeline", "extract", "train", "evaluate", "register-model");
    }

    @Test
    void stepsGetTheirImageCommandEnvSecretsAndTheOtherStagesAddresses() {
        ObjectNode template = Rendering.of(ReferenceProject.prod()).get("WorkflowTemplate/" + NIGHTLY);
        JsonNode train = template.at("/spec/templates/2");

        assertThat(train.at("/container/image").asString()).isEqualTo(TRAINER);
        assertThat(train.at("/container/command")).isEqualTo(json("[\"python\",\"-m\",\"fraud.train\"]"));
        // the pipeline's inputs (release, datasets, run context) sit between the run and the addresses: DatasetsTest
        ArrayNode env = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        train.at("/container/env").forEach(e -> {
            if (!e.get("name").asString().matches("MLGITOPS_(RELEASE|DATASET.*)|MLFLOW_RUN_CONTEXT")) {
                env.add(e);
            }
        });
        assertThat(env).isEqualTo(json("""
                [{"name":"HOME","value":"/tmp"},
                 {"name":"MLGITOPS_RUN","value":"{{workflow.name}}"},
                 {"name":"MLFLOW_TRACKING_URI","value":"http://fraud-detection-mlflow:5000"},
                 {"name":"FEAST_FEATURE_SERVER_URL","value":"http://fraud-detection-feature-server:6566"},
                 {"name":"MLFLOW_EXPERIMENT_NAME","value":"fraud"}]"""));
        assertThat(train.at("/container/envFrom")).isEqualTo(json("[{\"secretRef\":{\"name\":\"fraud-detection-object-store\"}}]"));
        assertThat(train.at("/container/resources")).isEqualTo(json("""
                {"requests":{"cpu":"8","memory":"32Gi","nvidia.com/gpu":"1"},"limits":{"cpu":"8","memory":"32Gi","nvidia.com/gpu":"1"}}"""));
        assertThat(train.at("/tolerations")).isEqualTo(json("[{\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]"));
        assertThat(template.at("/spec/templates/1/tolerations").isMissingNode()).isTrue();
        assertThat(template.at("/spec/serviceAccountName").asString()).isEqualTo("fraud-detection-training");
        assertThat(template.at("/spec/automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(template.at("/spec/podMetadata/labels/app.kubernetes.io~1name").asString()).isEqualTo(NIGHTLY);
    }

    @Test
    void registrationRunsTheMlflowClientAgainstTheProjectsRegistry() {
        JsonNode register = Rendering.of(ReferenceProject.prod()).get("WorkflowTemplate/" + NIGHTLY).at("/spec/templates/4");

        assertThat(register.at("/script/image").asString()).isEqualTo(TRAINER);
        assertThat(register.at("/script/source").asString())
                .contains("version = mlflow.register_model(source, name)", "return f'runs:/{r.info.run_id}/model'", "return f'models:/{output.model_id}'")
                .contains("tags.`mlgitops.run`");
        // HOME, MLGITOPS_RUN, the pipeline's 8 inputs, then model, alias, metric and minimum (GatedRegistrationTest), then the addresses
        assertThat(register.at("/script/env/10")).isEqualTo(json("{\"name\":\"MLGITOPS_MODEL\",\"value\":\"fraud-classifier\"}"));
        assertThat(register.at("/script/env/14")).isEqualTo(json("{\"name\":\"MLFLOW_TRACKING_URI\",\"value\":\"http://fraud-detection-mlflow:5000\"}"));
    }

    @Test
    void argosExecutorMayReportTaskResultsWithTheTrainingAccount() {
        Rendering rendering = Rendering.of(ReferenceProject.prod());

        assertThat(rendering.get("Role/fraud-detection-workflow-executor").get("rules")).isEqualTo(json(
                "[{\"apiGroups\":[\"argoproj.io\"],\"resources\":[\"workflowtaskresults\"],\"verbs\":[\"create\",\"patch\"]}]"));
        assertThat(rendering.get("RoleBinding/fraud-detection-workflow-executor").get("subjects")).isEqualTo(json(
                "[{\"kind\":\"ServiceAccount\",\"name\":\"fraud-detection-training\"}]"));
        assertThat(rendering.get("WorkflowTemplate/" + NIGHTLY).at("/spec/executor/serviceAccountName").asString())
                .isEqualTo("fraud-detection-training");

        Rendering jobs = Rendering.of(asKubernetesJob(true));
        assertThat(jobs.byName()).doesNotContainKey("Role/fraud-detection-workflow-executor");
    }

    @Test
    void cronWorkflowRunsTheTemplateOnAScheduleList() {
        ObjectNode cron = Rendering.of(ReferenceProject.prod()).get("CronWorkflow/" + NIGHTLY);

        assertThat(cron.at("/spec/schedules")).isEqualTo(json("[\"0 2 * * *\"]"));
        assertThat(cron.at("/spec/schedule").isMissingNode()).isTrue();
        assertThat(cron.at("/spec/concurrencyPolicy").asString()).isEqualTo("Forbid");
        assertThat(cron.at("/spec/workflowSpec/workflowTemplateRef/name").asString()).isEqualTo(NIGHTLY);
    }

    @Test
    void withoutScheduleThereIsNoCronWorkflowAndWithoutRegistryNoAddress() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/training/nightly")).remove("schedule");
            ((ObjectNode) spec.at("/training/nightly")).remove("registerModel");
            spec.remove("modelRegistry");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName()).doesNotContainKey("CronWorkflow/" + NIGHTLY);
        JsonNode template = rendering.get("WorkflowTemplate/" + NIGHTLY);
        assertThat(names(template.at("/spec/templates"))).doesNotContain("register-model");
        assertThat(template.toString()).doesNotContain("MLFLOW_TRACKING_URI");
    }

    @Test
    void kubernetesJobRunsTheStepsInDependencyOrderAsInitContainers() {
        Rendering rendering = Rendering.of(asKubernetesJob(true));
        assertThat(rendering.errors()).isEmpty();
        ObjectNode cron = rendering.get("CronJob/" + NIGHTLY);
        JsonNode pod = cron.at("/spec/jobTemplate/spec/template/spec");

        assertThat(rendering.errors()).isEmpty();
        // listed out of order in the spec: the pod still runs extract, train, evaluate
        assertThat(names(pod.get("initContainers"))).containsExactly("extract", "train", "evaluate");
        assertThat(names(pod.get("containers"))).containsExactly("register-model");
        assertThat(pod.at("/containers/0/command/0").asString()).isEqualTo("python");
        assertThat(pod.at("/restartPolicy").asString()).isEqualTo("Never");
        assertThat(cron.at("/spec/concurrencyPolicy").asString()).isEqualTo("Forbid");
        assertThat(cron.at("/spec/schedule").asString()).isEqualTo("0 2 * * *");
        assertThat(cron.at("/spec/jobTemplate/spec/backoffLimit").asInt()).isEqualTo(2);
        assertThat(cron.at("/spec/jobTemplate/spec/ttlSecondsAfterFinished").isMissingNode()).isTrue();
        assertThat(cron.at("/spec/successfulJobsHistoryLimit").asInt()).isEqualTo(3);
        assertThat(cron.at("/spec/failedJobsHistoryLimit").asInt()).isEqualTo(1);
        assertThat(pod.at("/initContainers/1/resources/limits/nvidia.com~1gpu").asString()).isEqualTo("1");
        assertThat(pod.at("/tolerations/0/key").asString()).isEqualTo("nvidia.com/gpu");
    }

    @Test
    void kubernetesJobWithoutScheduleIsAJobArgoCdReplacesNotAHookNorOneThatDeletesItself() {
        Rendering rendering = Rendering.of(asKubernetesJob(false));
        ObjectNode job = rendering.get("Job/" + NIGHTLY);

        assertThat(rendering.byName()).doesNotContainKey("CronJob/" + NIGHTLY);
        // no hook: Argo CD would run it again on every sync; no TTL: selfHeal would create the deleted job again
        assertThat(job.at("/metadata/annotations").toString())
                .isEqualTo("{\"argocd.argoproj.io/sync-options\":\"Force=true,Replace=true\"}");
        assertThat(job.at("/spec/ttlSecondsAfterFinished").isMissingNode()).isTrue();
        assertThat(job.at("/spec/backoffLimit").asInt()).isEqualTo(2);
        assertThat(names(job.at("/spec/template/spec/initContainers"))).containsExactly("extract", "train", "evaluate");
    }

    @Test
    void pyTorchJobHasOneMasterAndTheWorkersAllNamedPytorch() {
        Rendering rendering = Rendering.of(ReferenceProject.prod());
        ObjectNode job = rendering.get("PyTorchJob/fraud-detection-distributed");
        JsonNode replicas = job.at("/spec/pytorchReplicaSpecs");

        assertThat(replicas.at("/Master/replicas").asInt()).isEqualTo(1);
        assertThat(replicas.at("/Worker/replicas").asInt()).isEqualTo(4);
        for (String role : List.of("Master", "Worker")) {
            JsonNode replica = replicas.get(role);
            assertThat(replica.get("restartPolicy").asString()).isEqualTo("OnFailure");
            JsonNode container = replica.at("/template/spec/containers/0");
            assertThat(container.get("name").asString()).isEqualTo("pytorch");
            assertThat(container.get("image").asString()).isEqualTo(TRAINER);
            assertThat(container.get("command")).isEqualTo(json("[\"torchrun\",\"-m\",\"fraud.train_ddp\"]"));
            assertThat(container.at("/resources/limits/nvidia.com~1gpu").asString()).isEqualTo("2");
            assertThat(replica.at("/template/spec/serviceAccountName").asString()).isEqualTo("fraud-detection-training");
        }
        // NCCL and Gloo open ephemeral ports between all ranks: every port, from the job's own pods only
        JsonNode ranks = rendering.get("NetworkPolicy/fraud-detection-distributed-allow-ranks").get("spec");
        assertThat(ranks.at("/ingress/0/ports").isMissingNode()).isTrue();
        assertThat(ranks.at("/ingress/0/from")).isEqualTo(json(
                "[{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"fraud-detection-distributed\"}}}]"));
    }

    @Test
    void aScheduledPyTorchJobRegistersWithTheSameStepAsTheStepsEnginesOnceTheJobSucceeded() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/training/distributed")).put("schedule", "0 3 * * 0").set("registerModel",
                    json("{\"name\":\"fraud-ddp\",\"gate\":{\"metric\":\"auc\",\"min\":0.9}}"));
            return spec;
        }));
        ObjectNode template = rendering.get("WorkflowTemplate/fraud-detection-distributed");

        assertThat(template.at("/spec/entrypoint").asString()).isEqualTo("pipeline");
        assertThat(template.at("/spec/templates/0/dag/tasks")).isEqualTo(json("""
                [{"name":"train","template":"train"},
                 {"name":"register-model","template":"register-model","dependencies":["train"]}]"""));
        assertThat(names(template.at("/spec/templates"))).containsExactly("pipeline", "train", "register-model");
        // the train step ends only when the job's master succeeded; a failed job fails it, and nothing registers
        assertThat(template.at("/spec/templates/1/resource/successCondition").asString())
                .isEqualTo("status.replicaStatuses.Master.succeeded > 0");
        JsonNode register = template.at("/spec/templates/2");
        JsonNode nightlyRegister = rendering.get("WorkflowTemplate/" + NIGHTLY).at("/spec/templates/4");
        // one fragment: the same script, security, executor patch and resources as the argo-workflows engine's
        assertThat(register.at("/script/source")).isEqualTo(nightlyRegister.at("/script/source"));
        assertThat(register.at("/script/command")).isEqualTo(json("[\"python\"]"));
        assertThat(register.get("podSpecPatch")).isEqualTo(nightlyRegister.get("podSpecPatch"));
        assertThat(register.at("/script/securityContext")).isEqualTo(nightlyRegister.at("/script/securityContext"));
        assertThat(register.at("/script/image").asString()).isEqualTo(TRAINER);
        assertThat(register.at("/script/env")).contains(
                json("{\"name\":\"MLGITOPS_RUN\",\"value\":\"{{workflow.name}}\"}"),
                json("{\"name\":\"MLGITOPS_MODEL\",\"value\":\"fraud-ddp\"}"),
                json("{\"name\":\"MLGITOPS_MODEL_ALIAS\",\"value\":\"candidate\"}"),
                json("{\"name\":\"MLGITOPS_GATE_METRIC\",\"value\":\"auc\"}"),
                json("{\"name\":\"MLGITOPS_GATE_MIN\",\"value\":\"0.9\"}"),
                json("{\"name\":\"MLFLOW_TRACKING_URI\",\"value\":\"http://fraud-detection-mlflow:5000\"}"));
        assertThat(template.at("/spec/volumes")).isEqualTo(json("[{\"name\":\"tmp\",\"emptyDir\":{}}]"));
        // every rank tags its MLflow runs with the workflow's name, which the registration looks them up by
        String manifest = template.at("/spec/templates/1/resource/manifest").asString();
        assertThat(manifest).contains("- {name: MLGITOPS_RUN, value: \"{{workflow.name}}\"}")
                .contains("\\\"mlgitops.run\\\": \\\"$(MLGITOPS_RUN)\\\"");
        assertThat(manifest.indexOf("MLGITOPS_RUN, value")).isLessThan(manifest.indexOf("\"MLFLOW_RUN_CONTEXT\""));
    }

    @Test
    void aScheduledPyTorchJobWithoutRegisterModelKeepsItsOneStep() {
        ObjectNode template = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/training/distributed")).put("schedule", "0 3 * * 0");
            return spec;
        })).get("WorkflowTemplate/fraud-detection-distributed");

        assertThat(template.at("/spec/entrypoint").asString()).isEqualTo("train");
        assertThat(names(template.at("/spec/templates"))).containsExactly("train");
        assertThat(template.at("/spec/volumes").isMissingNode()).isTrue();
    }

    @Test
    void orderIsTopologicalWithFileOrderAmongEquals() {
        ResolvedEnvironment environment = asKubernetesJob(true);

        assertThat(Pipelines.order(TrainingFields.Steps.of(environment.spec().training().get("nightly"))))
                .containsExactly("extract", "train", "evaluate");
        assertThat(Pipelines.leaves(TrainingFields.Steps.of(environment.spec().training().get("nightly")))).containsExactly("evaluate");
    }

    /** The reference's nightly pipeline on engine kubernetes-job, its steps listed last-first. */
    private static ResolvedEnvironment asKubernetesJob(boolean scheduled) {
        return ReferenceProject.edited(spec -> {
            ObjectNode nightly = (ObjectNode) spec.at("/training/nightly");
            nightly.put("engine", "kubernetes-job");
            if (!scheduled) {
                nightly.remove("schedule");
            }
            ObjectNode steps = (ObjectNode) nightly.get("steps");
            ObjectNode reversed = nightly.putObject("steps");
            List<String> names = new ArrayList<>(steps.propertyNames());
            java.util.Collections.reverse(names);
            names.forEach(name -> reversed.set(name, steps.get(name)));
            return spec;
        });
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    private static JsonNode json(String text) {
        return KubeYaml.mapper().readTree(text);
    }
}
