package dev.mlgitops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.CaseFolders;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Stage;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import dev.mlgitops.build.Builder;
import dev.mlgitops.build.BuildOptions;

class PolicyCheckerTest {

    @TempDir
    Path folder;

    /** A pod spec that breaks every container rule and the host rules at once. */
    private static final String BARE_POD = """
            hostNetwork: true
            hostPID: true
            volumes:
            - {name: docker, hostPath: {path: /var/run/docker.sock}}
            containers:
            - name: server
              image: registry.example.com/x/server
              ports: [{containerPort: 8080, hostPort: 80}]
              env: [{name: DB_PASSWORD, value: marker-value-never-echoed}]
              securityContext:
                privileged: true
                runAsUser: 0
                capabilities: {add: [SYS_ADMIN]}
            """;

    private static final String GOOD_CONTAINER = """
            name: main
            image: registry.example.com/x/trainer:1.0
            resources: {requests: {cpu: "1"}, limits: {memory: 1Gi}}
            securityContext:
              allowPrivilegeEscalation: false
              readOnlyRootFilesystem: true
              capabilities: {drop: [ALL]}
            """;

    @Test
    void everyPolicyCodeHasExactlyOneRuleInTheList() {
        List<Code> policyCodes = Arrays.stream(Code.values()).filter(c -> c.name().startsWith("POLICY_")).toList();

        assertThat(PolicyChecker.RULES).extracting(PolicyRule::code).containsExactlyElementsOf(policyCodes);
    }

    @Test
    void flagsEveryGapOfABarePodNamingTheObjectAndPointingAtItsItem() {
        List<String> lines = check(reference(), Map.of("dev", List.of(
                object("Deployment", "fraud-detection-explainer", "/serving/explainer", "{template: {spec: " + flow(BARE_POD) + "}}"))));

        String at = "mlproject.yaml:158:5: ";
        String object = " spec.serving.explainer: Deployment fraud-detection-explainer";
        assertThat(lines).containsExactly(
                at + "error [MLG-POLICY-CAPABILITIES]" + object + ": container 'server' does not drop ALL capabilities and adds SYS_ADMIN: set capabilities.drop: [ALL] and add nothing but NET_BIND_SERVICE",
                at + "error [MLG-POLICY-HOST-ACCESS]" + object + " uses hostNetwork, hostPID, hostPath volume 'docker', hostPort 80 of container 'server': remove it, Pod Security restricted admits no host namespaces, host ports or hostPath volumes",
                at + "error [MLG-POLICY-LATEST-TAG]" + object + ": container 'server' uses image 'registry.example.com/x/server', which is not pinned: give it a version tag or an @sha256 digest under spec.images",
                at + "error [MLG-POLICY-PRIVILEGE-ESCALATION]" + object + ": container 'server' does not set allowPrivilegeEscalation: false: set it in the container's securityContext",
                at + "error [MLG-POLICY-PRIVILEGED]" + object + ": container 'server' runs privileged: remove securityContext.privileged",
                at + "warning [MLG-POLICY-PROBES]" + object + ": container 'server' serves without a liveness or readiness probe: set health.liveness and health.readiness",
                at + "warning [MLG-POLICY-READ-ONLY-ROOT]" + object + ": container 'server' can write its root filesystem: set readOnlyRootFilesystem: true and mount an emptyDir where it writes",
                at + "error [MLG-POLICY-RESOURCES]" + object + ": container 'server' sets no CPU request and memory limit: set resources.cpu and resources.memory",
                at + "error [MLG-POLICY-RUN-AS-NON-ROOT]" + object + ": container 'server' may run as root: set securityContext.runAsNonRoot: true and a runAsUser other than 0",
                at + "error [MLG-POLICY-SECCOMP]" + object + ": container 'server' has no seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault on the pod",
                at + "error [MLG-POLICY-SECRET-ENV]" + object + ": container 'server' sets DB_PASSWORD as a plain value: take it from a Secret (secretEnv)");
        assertThat(String.join("\n", lines)).doesNotContain("marker-value-never-echoed");
    }

    @Test
    void pointsALatestTagAtTheImagesEntryThatHoldsIt() {
        ResolvedProject project = reference(yaml -> yaml.replace("fraud-trainer:1.4.2", "fraud-trainer:latest"));
        String pod = "{template: {spec: {securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}},"
                + " containers: [" + flow(GOOD_CONTAINER.replace("x/trainer:1.0", "risk/fraud-trainer:latest")) + "]}}}";

        List<String> lines = check(project, Map.of("dev", List.of(object("Job", "fraud-detection-nightly", "/training/nightly", pod))));

        assertThat(lines).containsExactly("mlproject.yaml:36:5: error [MLG-POLICY-LATEST-TAG] spec.images.trainer: Job "
                + "fraud-detection-nightly: container 'main' uses image 'registry.example.com/risk/fraud-trainer:latest', which is"
                + " not pinned: give it a version tag or an @sha256 digest under spec.images");
    }

    @Test
    void findsPodsInsideCustomResourcesAndInheritsTheWorkflowsSecurityContext() {
        String workflow = "{securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}},"
                + " templates: [{name: dag, dag: {tasks: []}}, {name: train, container: "
                + flow(GOOD_CONTAINER.replace("name: main\n", "")) + "}, {name: evaluate, container: {image: registry.example.com/x/e:1}}]}";
        String inference = "{predictor: {minReplicas: 2, model: {modelFormat: {name: sklearn}, storageUri: 's3://b/m'}}}";

        List<String> lines = check(reference(), Map.of("dev", List.of(
                object("WorkflowTemplate", "fraud-detection-nightly", "/training/nightly", workflow),
                object("InferenceService", "fraud-detection-scorer", "/serving/scorer", inference))));

        assertThat(lines).extracting(line -> line.replaceAll(": (error|warning) \\[([A-Z-]+)\\].*container '([^']+)'.*", " $2 $3"))
                .containsExactly(
                        "mlproject.yaml:107:5 MLG-POLICY-CAPABILITIES evaluate",
                        "mlproject.yaml:107:5 MLG-POLICY-PRIVILEGE-ESCALATION evaluate",
                        "mlproject.yaml:107:5 MLG-POLICY-READ-ONLY-ROOT evaluate",
                        "mlproject.yaml:107:5 MLG-POLICY-RESOURCES evaluate",
                        "mlproject.yaml:143:5 MLG-POLICY-CAPABILITIES kserve-container",
                        "mlproject.yaml:143:5 MLG-POLICY-PRIVILEGE-ESCALATION kserve-container",
                        "mlproject.yaml:143:5 MLG-POLICY-READ-ONLY-ROOT kserve-container",
                        "mlproject.yaml:143:5 MLG-POLICY-RESOURCES kserve-container",
                        "mlproject.yaml:143:5 MLG-POLICY-RUN-AS-NON-ROOT kserve-container",
                        "mlproject.yaml:143:5 MLG-POLICY-SECCOMP kserve-container");
    }

    @Test
    void reportsReplicasAndMissingBudgetOnlyForTheLastEnvironmentAndNamesIt() {
        TypedObject hpa = object("HorizontalPodAutoscaler", "fraud-detection-explainer", "/serving/explainer",
                "{scaleTargetRef: {kind: Deployment, name: fraud-detection-explainer}, minReplicas: 1, maxReplicas: 4}");
        TypedObject inference = object("InferenceService", "fraud-detection-scorer", "/serving/scorer",
                "{predictor: {model: {modelFormat: {name: sklearn}}}}");
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        environments.put("dev", List.of(hpa));
        environments.put("prod", List.of(hpa, inference));

        List<String> lines = check(project(CaseFolders.PRODUCTION_SERVING), environments).stream()
                .filter(line -> line.contains("REPLICAS") || line.contains("BUDGET")).toList();

        assertThat(lines).containsExactly(
                "mlproject.yaml:15:5: warning [MLG-POLICY-DISRUPTION-BUDGET] spec.serving.scorer: environment 'prod': InferenceService fraud-detection-scorer has no PodDisruptionBudget in production, so a node drain may stop every replica: use an engine that makes one",
                "mlproject.yaml:23:18: warning [MLG-POLICY-REPLICAS] spec.serving.explainer.replicas.min: environment 'prod': HorizontalPodAutoscaler fraud-detection-explainer may run 1 replica in production, so any disruption stops it: set replicas.min to 2 or more",
                "mlproject.yaml:31:39: warning [MLG-POLICY-REPLICAS] spec.environments.prod.overrides.serving.scorer.replicas.min: environment 'prod': InferenceService fraud-detection-scorer may run 1 replica in production, so any disruption stops it: set replicas.min to 2 or more");
    }

    @Test
    void holdsTheModelRegistrysServerToTheServedModelsProductionRulesButNotItsMigrationJob() {
        ResolvedProject project = reference(yaml -> yaml.replace("    replicas: 2      ", "    replicas: 1      "));
        TypedObject server = object("Deployment", "fraud-detection-mlflow", "/modelRegistry", "{replicas: 1}");
        TypedObject migration = object("Job", "fraud-detection-mlflow-db-upgrade", "/modelRegistry", "{backoffLimit: 0}");
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        environments.put("dev", List.of(server, migration));
        environments.put("prod", List.of(server, migration));

        List<String> lines = check(project, environments).stream().filter(line -> line.contains("REPLICAS") || line.contains("BUDGET")).toList();

        assertThat(lines).containsExactly(
                "mlproject.yaml:134:3: warning [MLG-POLICY-DISRUPTION-BUDGET] spec.modelRegistry: environment 'prod': Deployment"
                        + " fraud-detection-mlflow has no PodDisruptionBudget in production, so a node drain may stop every replica:"
                        + " use an engine that makes one",
                "mlproject.yaml:138:5: warning [MLG-POLICY-REPLICAS] spec.modelRegistry.replicas: environment 'prod': Deployment"
                        + " fraud-detection-mlflow may run 1 replica in production, so any disruption stops it: set replicas.min"
                        + " to 2 or more");

        environments.put("prod", List.of(object("Deployment", "fraud-detection-mlflow", "/modelRegistry", "{replicas: 2}"),
                object("PodDisruptionBudget", "fraud-detection-mlflow", "/modelRegistry", "{maxUnavailable: 1}")));
        assertThat(check(project, environments)).noneMatch(line -> line.contains("REPLICAS") || line.contains("BUDGET"));
    }

    @Test
    void aWaiverSilencesItsRuleForThatItemOnly() {
        ResolvedProject project = reference(yaml -> yaml.replace("      health: {liveness: /healthz, readiness: /ready}\n",
                "      health: {liveness: /healthz, readiness: /ready}\n"
                        + "      waivers: {MLG-POLICY-READ-ONLY-ROOT: writes its model cache to the root filesystem}\n"));
        String pod = "{template: {spec: {securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}},"
                + " containers: [" + flow(GOOD_CONTAINER.replace("  readOnlyRootFilesystem: true\n", "")) + "]}}}";

        List<String> lines = check(project, Map.of("dev", List.of(
                object("Deployment", "fraud-detection-explainer", "/serving/explainer", pod),
                object("Job", "fraud-detection-nightly", "/training/nightly", pod))));

        assertThat(lines).containsExactly("mlproject.yaml:107:5: warning [MLG-POLICY-READ-ONLY-ROOT] spec.training.nightly: "
                + "Job fraud-detection-nightly: container 'main' can write its root filesystem: set readOnlyRootFilesystem: true"
                + " and mount an emptyDir where it writes");
    }

    @Test
    void reportsTheSameFindingOfEveryEnvironmentOnce() {
        TypedObject job = object("Job", "fraud-detection-nightly", "/training/nightly",
                "{template: {spec: {containers: [{name: main, image: 'registry.example.com/x/t:1', securityContext:"
                        + " {privileged: true}}]}}}");
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        environments.put("dev", List.of(job));
        environments.put("staging", List.of(job));
        environments.put("prod", List.of(job));

        assertThat(check(reference(), environments)).filteredOn(line -> line.contains("PRIVILEGED]")).hasSize(1);
    }

    @Test
    void warnsOfOneReplicaInProductionOnTheGeneratorsOwnObjectsAtTheSpecItem() {
        Findings findings = Builder.build(CaseFolders.ONE_REPLICA, BuildOptions.defaults()).findings();

        assertThat(CaseFolders.lines(findings)).containsExactly(
                "mlproject.yaml:18:18: warning [MLG-POLICY-REPLICAS] spec.serving.explainer.replicas.min: environment 'prod': "
                        + "HorizontalPodAutoscaler demo-explainer may run 1 replica in production, so any disruption"
                        + " stops it: set replicas.min to 2 or more");
    }

    private static List<String> check(ResolvedProject project, Map<String, List<TypedObject>> environments) {
        Findings findings = new Findings();
        new PolicyChecker().check(project, environments, findings);
        return CaseFolders.lines(findings);
    }

    private ResolvedProject reference() {
        return reference(UnaryOperator.identity());
    }

    /** A spec made for a test, resolved with its positions. */
    private static ResolvedProject project(Path spec) {
        return Builder.resolve(spec, BuildOptions.defaults(), new Findings()).orElseThrow();
    }

    /** The reference spec, edited as text, resolved with its positions. */
    private ResolvedProject reference(UnaryOperator<String> edit) {
        try {
            Path spec = folder.resolve("mlproject.yaml");
            Files.writeString(spec, edit.apply(Files.readString(CaseFolders.REFERENCE)));
            return Builder.resolve(spec, BuildOptions.defaults(), new Findings()).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TypedObject object(String kind, String name, String source, String spec) {
        ObjectNode manifest = (ObjectNode) KubeYaml.mapper().readTree(
                "{apiVersion: v1, kind: " + kind + ", metadata: {name: " + name + "}, spec: " + spec + "}");
        String stage = source.startsWith("/serving") ? "serving" : source.startsWith("/modelRegistry") ? "model-registry" : "training";
        return new TypedObject(Stage.byFolder(stage).orElseThrow(),
                "test", new ObjectKey("v1", kind, name, true), manifest, source);
    }

    /** A block YAML mapping as JSON, which a flow document takes as it is. */
    private static String flow(String block) {
        return JsonMapper.shared().writeValueAsString(KubeYaml.mapper().readTree(block));
    }
}
