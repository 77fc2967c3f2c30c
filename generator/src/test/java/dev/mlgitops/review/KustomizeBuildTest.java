package dev.mlgitops.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.layout.Kustomize;
import dev.mlgitops.layout.OutputTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The in-process kustomize builds what the real {@code kubectl kustomize} builds, for the fields our overlays use. */
class KustomizeBuildTest {

    @TempDir
    Path folder;

    @Test
    void buildsEveryOverlayOfTheReferenceTreeAsKubectlKustomizeDoes() throws IOException {
        OutputTree tree = ReviewTrees.reference();
        write(tree.files());
        KustomizeBuild overlays = new KustomizeBuild(tree.files());
        var overlayFolders = tree.files().keySet().stream()
                .filter(path -> path.matches("overlays/[^/]+/[^/]+/kustomization\\.yaml"))
                .map(path -> path.substring(0, path.lastIndexOf('/'))).toList();

        assertThat(overlayFolders).contains("overlays/prod/serving", "overlays/dev/tenancy");
        for (String overlay : overlayFolders) {
            assertThat(byId(overlays.build(overlay))).as(overlay).isEqualTo(byId(Kustomize.build(folder.resolve(overlay))));
        }
    }

    @Test
    void appliesJsonPatchesDeletionsNamespaceAndLabelsAsKubectlKustomizeDoes() throws IOException {
        Map<String, String> files = new TreeMap<>();
        files.put("base/kustomization.yaml", "resources:\n- deployment-web.yaml\n- pdb-web.yaml\n- rolebinding-web.yaml\n- sa-web.yaml\n");
        files.put("base/deployment-web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web.v1}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                      - {name: web, image: "nginx:1.27", args: [a, b]}
                """);
        files.put("base/pdb-web.yaml", "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: 1}\n");
        files.put("base/rolebinding-web.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: web}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: web}
                subjects:
                - {kind: ServiceAccount, name: web}
                - {kind: ServiceAccount, name: other, namespace: elsewhere}
                """);
        files.put("base/sa-web.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web}\n");
        files.put("overlays/prod/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: placeholder}\n");
        files.put("overlays/prod/kustomization.yaml", """
                resources:
                - ../../base
                - namespace.yaml
                namespace: shop
                labels:
                - pairs: {mlgitops.dev/environment: prod}
                patches:
                - target: {group: apps, version: v1, kind: Deployment, name: web\\.v1}
                  patch: |
                    - {op: replace, path: /spec/replicas, value: 4}
                    - {op: test, path: /spec/template/spec/containers/0/name, value: web}
                    - {op: add, path: /metadata/annotations, value: {a~b/c: d}}
                    - {op: remove, path: /spec/template/spec/containers/0/args/1}
                    - {op: add, path: /spec/template/spec/containers/0/args/-, value: z}
                - patch: |
                    $patch: delete
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: web}
                """);
        write(files);

        Map<String, ObjectNode> built = byId(new KustomizeBuild(files).build("overlays/prod"));

        assertThat(built).isEqualTo(byId(Kustomize.build(folder.resolve("overlays/prod"))));
        assertThat(built.keySet()).containsExactlyInAnyOrder("Deployment shop/web.v1", "Namespace shop",
                "RoleBinding shop/web", "ServiceAccount shop/web");
        assertThat(built.get("Deployment shop/web.v1").at("/spec/replicas").asInt()).isEqualTo(4);
        assertThat(built.get("RoleBinding shop/web").at("/subjects/0/namespace").asString()).isEqualTo("shop");
        assertThat(built.get("RoleBinding shop/web").at("/subjects/1/namespace").asString()).isEqualTo("elsewhere");
    }

    @Test
    void setsImagesInContainerListsOnlyAsKubectlKustomizeDoes() throws IOException {
        Map<String, String> files = new TreeMap<>();
        files.put("base/kustomization.yaml", "resources:\n- workflow.yaml\n- job.yaml\n");
        files.put("base/workflow.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata: {name: train}
                spec:
                  templates:
                  - name: a
                    container: {image: "registry.example.com/trainer:1.4.2"}
                """);
        files.put("base/job.yaml", """
                apiVersion: kubeflow.org/v1
                kind: PyTorchJob
                metadata: {name: ddp}
                spec:
                  pytorchReplicaSpecs:
                    Master:
                      template:
                        spec:
                          containers:
                          - {name: pytorch, image: "registry.example.com/trainer:1.4.2"}
                          - {name: side, image: "registry.example.com/trainer-side:1"}
                          initContainers:
                          - {name: fetch, image: "registry.example.com/fetch@sha256:1111111111111111111111111111111111111111111111111111111111111111"}
                          - {name: keep, image: "registry.example.com/keep:3"}
                """);
        files.put("o/kustomization.yaml", """
                resources: [../base]
                images:
                - {name: registry.example.com/trainer, newTag: 1.3.0}
                - {name: registry.example.com/fetch, newName: mirror.example.com/fetch, newTag: "2@sha256:2222222222222222222222222222222222222222222222222222222222222222"}
                - {name: registry.example.com/keep, newName: mirror.example.com/keep}
                """);
        write(files);

        var built = byId(new KustomizeBuild(files).build("o"));

        assertThat(built).isEqualTo(byId(Kustomize.build(folder.resolve("o"))));
        assertThat(built.get("WorkflowTemplate train").at("/spec/templates/0/container/image").asString())
                .isEqualTo("registry.example.com/trainer:1.4.2");
        var pod = built.get("PyTorchJob ddp").at("/spec/pytorchReplicaSpecs/Master/template/spec");
        assertThat(pod.at("/containers/0/image").asString()).isEqualTo("registry.example.com/trainer:1.3.0");
        assertThat(pod.at("/containers/1/image").asString()).isEqualTo("registry.example.com/trainer-side:1");
        assertThat(pod.at("/initContainers/0/image").asString())
                .isEqualTo("mirror.example.com/fetch:2@sha256:2222222222222222222222222222222222222222222222222222222222222222");
        assertThat(pod.at("/initContainers/1/image").asString()).isEqualTo("mirror.example.com/keep:3");
    }

    @Test
    void aTestOperationThatFailsRefusesTheOverlayAsKubectlKustomizeDoes() {
        // a release pin addresses an env var by position and tests its name first
        Map<String, String> files = Map.of(
                "base/kustomization.yaml", "resources: [deployment.yaml]\n",
                "base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
                        + "    spec:\n      containers:\n      - {name: web, env: [{name: OTHER, value: a}]}\n",
                "o/kustomization.yaml", "resources: [../base]\npatches:\n- target: {kind: Deployment, name: web}\n  patch: |\n"
                        + "    - {op: test, path: /spec/template/spec/containers/0/env/0/name, value: MLGITOPS_MODEL_URI}\n"
                        + "    - {op: replace, path: /spec/template/spec/containers/0/env/0/value, value: b}\n");

        assertThatThrownBy(() -> new KustomizeBuild(files).build("o"))
                .isInstanceOf(MlGitopsException.class)
                .hasMessageContaining("test /spec/template/spec/containers/0/env/0/name: it holds \"OTHER\", not \"MLGITOPS_MODEL_URI\"");
    }

    @Test
    void refusesAKustomizeFieldItDoesNotKnowRatherThanMisreadIt() {
        Map<String, String> files = Map.of("o/kustomization.yaml", "resources: []\nreplicas:\n- {name: a, count: 2}\n");

        assertThatThrownBy(() -> new KustomizeBuild(files).build("o"))
                .isInstanceOf(MlGitopsException.class)
                .hasMessage("reading o/kustomization.yaml: the review does not know kustomize's 'replicas'");
    }

    @Test
    void readsAFileDeletedOrBrokenByHandAsNoObjectAndLeavesItsPatchesAlone() {
        String patch = "patches:\n- target: {kind: Deployment, name: web}\n  patch: '[{op: replace, path: /spec/replicas, value: 3}]'\n";
        Map<String, String> files = Map.of(
                "base/kustomization.yaml", "resources: [deployment.yaml, service.yaml, configmap.yaml]\n",
                "base/service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n",
                "base/configmap.yaml", "edited by hand\n",
                "o/kustomization.yaml", "resources: [../base]\nnamespace: shop\n" + patch);

        assertThat(byId(new KustomizeBuild(files).build("o"))).containsOnlyKeys("Service shop/web");
    }

    private void write(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    private static SortedMap<String, ObjectNode> byId(java.util.List<ObjectNode> objects) {
        return objects.stream().collect(Collectors.toMap(TreeObjects::id, o -> o, (a, b) -> {
            throw new AssertionError("twice: " + TreeObjects.id(a));
        }, TreeMap::new));
    }
}
