package dev.mlgitops.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.model.ApplicationsIn;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.Header;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;

class LayoutTest {

    private static final String HEADER = Header.forSource("mlproject.yaml");
    /** How every kustomization.yaml of the tree begins. */
    private static final String KUSTOMIZATION = HEADER + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";

    private final OutputTree tree = Fixtures.tree();

    @Test
    void placesTheTreeUnderTheGitopsPath() {
        assertThat(tree.root()).isEqualTo("projects/fraud-detection");
        assertThat(Layout.treeRoot(new Spec.GitOps("r", "main", "/deploy/x/"))).isEqualTo("deploy/x");
        assertThat(Layout.treeRoot(new Spec.GitOps("r", "main", "."))).isEmpty();
    }

    @Test
    void laysOutBasesOnlyForStagesTheBaseHasAndOverlaysOnlyForStagesEachEnvironmentHas() {
        assertThat(tree.files().keySet().stream().filter(p -> p.endsWith("kustomization.yaml")).toList()).containsExactly(
                "base/model-registry/kustomization.yaml",
                "base/notebooks/kustomization.yaml",
                "base/serving/kustomization.yaml",
                "base/tenancy/kustomization.yaml",
                "overlays/dev/model-registry/kustomization.yaml",
                "overlays/dev/notebooks/kustomization.yaml",
                "overlays/dev/serving/kustomization.yaml",
                "overlays/dev/tenancy/kustomization.yaml",
                "overlays/prod/model-registry/kustomization.yaml",
                "overlays/prod/monitoring/kustomization.yaml",
                "overlays/prod/serving/kustomization.yaml",
                "overlays/prod/tenancy/kustomization.yaml",
                "overlays/staging/model-registry/kustomization.yaml",
                "overlays/staging/serving/kustomization.yaml",
                "overlays/staging/tenancy/kustomization.yaml");
        assertThat(tree.files().keySet().stream().filter(p -> p.startsWith("argocd/prod/")).toList()).containsExactly(
                "argocd/prod/apps/model-registry.yaml",
                "argocd/prod/apps/monitoring.yaml",
                "argocd/prod/apps/serving.yaml",
                "argocd/prod/apps/tenancy.yaml",
                "argocd/prod/bootstrap.yaml",
                "argocd/prod/root.yaml");
    }

    @Test
    void writesOneBaseObjectPerFileAndListsThemSorted() {
        assertThat(tree.files().get("base/model-registry/kustomization.yaml")).isEqualTo(KUSTOMIZATION + """
                resources:
                - deployment-fraud-detection-mlflow.yaml
                - service-fraud-detection-mlflow.yaml
                """);
        assertThat(tree.files().get("base/model-registry/service-fraud-detection-mlflow.yaml")).startsWith(HEADER + """
                apiVersion: v1
                kind: Service
                metadata:
                  name: fraud-detection-mlflow
                spec:
                """);
    }

    @Test
    void overlayAddsTheEnvironmentsOwnObjectsAndPatchesOnlyWhatDiffers() {
        assertThat(tree.files().get("overlays/prod/serving/kustomization.yaml")).isEqualTo(KUSTOMIZATION + """
                resources:
                - ../../../base/serving
                - configmap-fraud-detection-canary.yaml
                namespace: fraud
                labels:
                - pairs:
                    mlgitops.dev/environment: prod
                patches:
                - target:
                    group: autoscaling
                    version: v2
                    kind: HorizontalPodAutoscaler
                    name: fraud-detection-explainer
                  patch: |
                    - op: replace
                      path: /spec/minReplicas
                      value: 4
                    - op: replace
                      path: /spec/maxReplicas
                      value: 40
                """);
        assertThat(tree.files()).containsKey("overlays/prod/serving/configmap-fraud-detection-canary.yaml");
    }

    @Test
    void overlayDeletesWhatTheEnvironmentLacks() {
        assertThat(tree.files().get("overlays/prod/model-registry/kustomization.yaml")).endsWith("""
                patches:
                - patch: |
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: fraud-detection-mlflow
                    $patch: delete
                """);
        assertThat(tree.files().get("overlays/dev/serving/kustomization.yaml")).contains("""
                    kind: Ingress
                    metadata:
                      name: fraud-detection-explainer
                    $patch: delete
                """);
    }

    @Test
    void overlayOfAStageWithoutBaseHoldsOnlyItsOwnObjects() {
        assertThat(tree.files().get("overlays/prod/monitoring/kustomization.yaml")).isEqualTo(KUSTOMIZATION + """
                resources:
                - servicemonitor-fraud-detection-explainer.yaml
                namespace: fraud
                labels:
                - pairs:
                    mlgitops.dev/environment: prod
                """);
    }

    @Test
    void applicationSyncsOneOverlayInItsWaveAndAutomatesOnlyAutoEnvironments() {
        JsonNode dev = object("argocd/dev/apps/serving.yaml");
        JsonNode prod = object("argocd/prod/apps/tenancy.yaml");

        assertThat(dev.at("/metadata/name").asString()).isEqualTo("fraud-detection-dev-serving");
        assertThat(dev.at("/metadata/namespace").asString()).as("the team's namespace").isEqualTo("fraud-dev");
        assertThat(prod.at("/metadata/namespace").asString()).as("the team's namespace").isEqualTo("fraud");
        assertThat(dev.at("/metadata/finalizers").toString()).isEqualTo("[\"resources-finalizer.argocd.argoproj.io\"]");
        assertThat(dev.at("/metadata/annotations/argocd.argoproj.io~1sync-wave").isString()).isTrue();
        assertThat(dev.at("/metadata/annotations/argocd.argoproj.io~1sync-wave").asString()).isEqualTo("3");
        assertThat(dev.at("/spec/project").asString()).isEqualTo("fraud-detection");
        assertThat(dev.at("/spec/source").toString()).isEqualTo("{\"repoURL\":\"https://git.example.com/platform/ml-gitops.git\","
                + "\"targetRevision\":\"main\",\"path\":\"projects/fraud-detection/overlays/dev/serving\"}");
        assertThat(dev.at("/spec/destination").toString()).isEqualTo("{\"name\":\"in-cluster\",\"namespace\":\"fraud-dev\"}");
        assertThat(dev.at("/spec/syncPolicy/automated").toString()).isEqualTo("{\"prune\":true,\"selfHeal\":true}");
        assertThat(dev.at("/spec/syncPolicy/retry/limit").asInt()).isEqualTo(5);

        assertThat(prod.at("/metadata/annotations/argocd.argoproj.io~1sync-wave").asString()).isEqualTo("0");
        assertThat(prod.at("/spec/destination").toString())
                .isEqualTo("{\"server\":\"https://prod.k8s.example.com\",\"namespace\":\"fraud\"}");
        assertThat(prod.at("/spec/syncPolicy").has("automated")).isFalse();
        assertThat(prod.at("/spec/syncPolicy/syncOptions")).isNotEmpty();
    }

    @Test
    void onlyTheTrainingApplicationAppliesWhatIsOutOfSyncSoAReplacedJobRunsOnlyWhenItChanged() {
        Map<String, String> files = dev.mlgitops.build.Builder.build(dev.mlgitops.CaseFolders.REFERENCE,
                dev.mlgitops.build.BuildOptions.defaults()).tree().orElseThrow().files();
        java.util.function.Function<String, JsonNode> object = path -> KubeYaml.mapper().readTree(files.get(path));

        assertThat(object.apply("argocd/dev/apps/training.yaml").at("/spec/syncPolicy/syncOptions").toString())
                .isEqualTo("[\"ServerSideApply=true\",\"PruneLast=true\",\"ApplyOutOfSyncOnly=true\"]");
        assertThat(object.apply("argocd/prod/apps/training.yaml").at("/spec/syncPolicy/syncOptions").toString())
                .isEqualTo("[\"ServerSideApply=true\",\"PruneLast=true\",\"ApplyOutOfSyncOnly=true\"]");
        assertThat(object.apply("argocd/dev/apps/serving.yaml").at("/spec/syncPolicy/syncOptions").toString())
                .isEqualTo("[\"ServerSideApply=true\",\"PruneLast=true\"]");
        assertThat(object.apply("argocd/dev/root.yaml").at("/spec/syncPolicy/syncOptions").toString())
                .isEqualTo("[\"ServerSideApply=true\",\"PruneLast=true\"]");
    }

    @Test
    void rootApplicationSyncsTheAppsFolderItDoesNotLieIn() {
        JsonNode root = object("argocd/staging/root.yaml");

        assertThat(root.at("/metadata/name").asString()).isEqualTo("fraud-detection-staging");
        assertThat(root.at("/spec/source/path").asString()).isEqualTo("projects/fraud-detection/argocd/staging/apps");
        assertThat(root.at("/metadata/namespace").asString()).as("the team's namespace").isEqualTo("fraud-staging");
        assertThat(root.at("/spec/destination").toString()).as("its Applications go beside it, on Argo CD's cluster")
                .isEqualTo("{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"fraud-staging\"}");
        assertThat(root.at("/spec/syncPolicy/automated").toString()).isEqualTo("{\"prune\":true,\"selfHeal\":true}");
        assertThat(object("argocd/prod/root.yaml").at("/spec/syncPolicy").has("automated")).isFalse();
    }

    @Test
    void appProjectAllowsTheRepositoryEveryDestinationAndExactlyTheEmittedKinds() {
        JsonNode project = object("argocd/appproject.yaml");

        assertThat(project.at("/metadata").toString()).isEqualTo("{\"name\":\"fraud-detection\",\"namespace\":\"argocd\","
                + "\"finalizers\":[\"resources-finalizer.argocd.argoproj.io\"]}");
        assertThat(project.at("/spec/sourceRepos").toString()).isEqualTo("[\"https://git.example.com/platform/ml-gitops.git\"]");
        assertThat(project.at("/spec/sourceNamespaces").toString()).isEqualTo("[\"fraud\",\"fraud-dev\",\"fraud-staging\"]");
        assertThat(project.at("/spec/destinations").toString()).as("no destination in Argo CD's own namespace")
                .isEqualTo("[{\"name\":\"in-cluster\",\"namespace\":\"fraud-dev\"},"
                + "{\"name\":\"in-cluster\",\"namespace\":\"fraud-staging\"},"
                + "{\"server\":\"https://prod.k8s.example.com\",\"namespace\":\"fraud\"},"
                + "{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"fraud-dev\"},"
                + "{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"fraud-staging\"},"
                + "{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"fraud\"}]");
        assertThat(project.at("/spec/clusterResourceWhitelist").toString()).as("the project's own Namespaces only")
                .isEqualTo("[{\"group\":\"\",\"kind\":\"Namespace\",\"name\":\"fraud\"},"
                + "{\"group\":\"\",\"kind\":\"Namespace\",\"name\":\"fraud-dev\"},"
                + "{\"group\":\"\",\"kind\":\"Namespace\",\"name\":\"fraud-staging\"}]");
        assertThat(kinds(project.at("/spec/namespaceResourceWhitelist"))).containsExactly(
                "/ConfigMap", "/Service", "/ServiceAccount", "apps/Deployment", "apps/StatefulSet",
                "argoproj.io/Application", "autoscaling/HorizontalPodAutoscaler", "monitoring.coreos.com/ServiceMonitor",
                "networking.k8s.io/Ingress", "networking.k8s.io/NetworkPolicy", "policy/PodDisruptionBudget",
                "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/RoleBinding");
    }

    @Test
    void inArgoCdsNamespaceEveryApplicationLivesThereAndTheProjectMayDeployThere() {
        OutputTree legacy = Layout.lay(Fixtures.project(Fixtures.DEV, Fixtures.STAGING, Fixtures.PROD), Fixtures.base(),
                Fixtures.environments(), ApplicationsIn.ARGOCD_NAMESPACE);
        JsonNode project = KubeYaml.mapper().readTree(legacy.files().get("argocd/appproject.yaml"));
        JsonNode serving = KubeYaml.mapper().readTree(legacy.files().get("argocd/dev/apps/serving.yaml"));
        JsonNode root = KubeYaml.mapper().readTree(legacy.files().get("argocd/dev/root.yaml"));

        assertThat(serving.at("/metadata/namespace").asString()).isEqualTo("argocd");
        assertThat(root.at("/spec/destination").toString())
                .isEqualTo("{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"argocd\"}");
        assertThat(root.at("/metadata/namespace").asString()).isEqualTo("argocd");
        assertThat(project.at("/spec").has("sourceNamespaces")).isFalse();
        assertThat(project.at("/spec/destinations").toString()).isEqualTo("[{\"name\":\"in-cluster\",\"namespace\":\"fraud-dev\"},"
                + "{\"name\":\"in-cluster\",\"namespace\":\"fraud-staging\"},"
                + "{\"server\":\"https://prod.k8s.example.com\",\"namespace\":\"fraud\"},"
                + "{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"argocd\"}]");
        assertThat(project.at("/spec/clusterResourceWhitelist").toString()).isEqualTo("[{\"group\":\"\",\"kind\":\"Namespace\"}]");
    }

    @Test
    void everyFileStartsWithTheHeaderAndTheSameInputGivesTheSameBytes() {
        tree.files().forEach((path, text) -> assertThat(text).as(path)
                .startsWith(path.equals("README.md") ? Header.forMarkdown("mlproject.yaml") : HEADER));
        assertThat(Fixtures.tree()).isEqualTo(tree);
    }

    @Test
    void refusesTwoObjectsOfAStageThatWouldShareAFile() {
        TypedObject first = Fixtures.object(Stage.SERVING, "{apiVersion: v1, kind: Service, metadata: {name: web}}");
        TypedObject second = Fixtures.object(Stage.SERVING, "{apiVersion: v2, kind: Service, metadata: {name: web}}");

        assertThatThrownBy(() -> Layout.lay(Fixtures.project(Fixtures.DEV), List.of(first, second), Map.of("dev", List.of())))
                .isInstanceOf(MlGitopsException.class)
                .hasMessage("laying out base/serving: Service web (blueprint serving/test) and Service web"
                        + " (blueprint serving/test) would share the file service-web.yaml");
    }

    @Test
    void refusesAnObjectThatTwoStagesOfAnEnvironmentRender() {
        TypedObject account = Fixtures.object(Stage.TENANCY, "{apiVersion: v1, kind: ServiceAccount, metadata: {name: runner}}");
        TypedObject again = new TypedObject(Stage.TRAINING, "training/kubernetes-job", account.key(), account.manifest());

        assertThatThrownBy(() -> Layout.lay(Fixtures.project(Fixtures.DEV), List.of(), Map.of("dev", List.of(account, again))))
                .isInstanceOf(MlGitopsException.class)
                .hasMessage("laying out environment dev: ServiceAccount runner is rendered by tenancy/test and by"
                        + " training/kubernetes-job; one object must belong to one stage");
    }

    @Test
    void refusesAClusterScopedKindKustomizeWouldPutInTheNamespace() {
        TypedObject store = new TypedObject(Stage.TENANCY, "tenancy/external-secrets",
                new dev.mlgitops.typed.ObjectKey("external-secrets.io/v1", "ClusterSecretStore", "vault", false),
                (tools.jackson.databind.node.ObjectNode) KubeYaml.mapper().readTree(
                        "{apiVersion: external-secrets.io/v1, kind: ClusterSecretStore, metadata: {name: vault}}"));

        assertThatThrownBy(() -> Layout.lay(Fixtures.project(Fixtures.DEV), List.of(), Map.of("dev", List.of(store))))
                .isInstanceOf(MlGitopsException.class)
                .hasMessageStartingWith("laying out ClusterSecretStore vault from blueprint tenancy/external-secrets: kustomize");
    }

    private JsonNode object(String path) {
        return KubeYaml.mapper().readTree(tree.files().get(path));
    }

    private static List<String> kinds(JsonNode whitelist) {
        return whitelist.valueStream().map(k -> k.get("group").asString() + "/" + k.get("kind").asString()).toList();
    }
}
