package dev.mlgitops.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.render.Blueprints;
import dev.mlgitops.render.ReferenceProject;
import dev.mlgitops.render.RenderedDocument;
import dev.mlgitops.render.Renderer;
import dev.mlgitops.yaml.KubeYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link BuiltInKinds} against the oracle it replaces: binding each object to its fabric8 class
 * and writing it back, as the typing step did before. Same bytes for every built-in object the
 * engines render, and for the values a blueprint may write loosely; stricter where binding let a
 * wrong value through.
 */
class BuiltInKindsTest {

    @Test
    void writesEveryBuiltInObjectTheEnginesRenderAsFabric8Did() {
        Set<String> kinds = new TreeSet<>();
        int compared = 0;
        List<ResolvedEnvironment> environments =
                List.of(ReferenceProject.base(), ReferenceProject.prod(), ReferenceProject.otherTrainingShapes());
        for (ResolvedEnvironment environment : environments) {
            List<RenderedDocument> rendered = new Renderer(Blueprints.of(Optional.empty())).render(environment, new Findings());
            for (RenderedDocument document : rendered) {
                for (ObjectNode object : objects(document.yaml())) {
                    Optional<Class<? extends HasMetadata>> type = fabric8Type(object);
                    if (type.isPresent()) {
                        assertThat(typed(object)).as(document.blueprint()).isEqualTo(fabric8(object, type.get()));
                        kinds.add(object.get("kind").asString());
                        compared++;
                    }
                }
            }
        }

        assertThat(compared).isGreaterThan(150);
        // every kind but PersistentVolumeClaim, which the notebooks' StatefulSet holds as its claim template
        assertThat(kinds).containsExactlyInAnyOrder("ConfigMap", "CronJob", "Deployment", "HorizontalPodAutoscaler",
                "Ingress", "Job", "LimitRange", "Namespace", "NetworkPolicy", "PodDisruptionBudget",
                "ResourceQuota", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount", "StatefulSet");
    }

    @Test
    void coercesLooseValuesAsBindingDid() {
        String loose = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: m
                  labels: {tier: 3, canary: true, empty: ""}
                  annotations: {}
                  finalizers: []
                spec:
                  replicas: "2"
                  revisionHistoryLimit: 3.0
                  paused: "false"
                  minReadySeconds: null
                  selector: {matchLabels: {app: m}, matchExpressions: []}
                  template:
                    metadata: {labels: {app: m}}
                    spec:
                      activeDeadlineSeconds: "600"
                      automountServiceAccountToken: "True"
                      containers:
                      - name: c
                        image: i:1
                        args: []
                        command: [serve, 8080, true]
                        env:
                        - {name: A, value: 1}
                        - {name: B, value: 0.5}
                        - {name: C, value: null}
                        ports: [{containerPort: "8080", name: http}]
                        resources:
                          requests: {cpu: 1, memory: 1Gi}
                          limits: {cpu: 0.5, nvidia.com/gpu: "1"}
                        readinessProbe: {httpGet: {path: /, port: http}, periodSeconds: "5"}
                        livenessProbe: {tcpSocket: {port: 8080}}
                      volumes:
                      - {name: scratch, emptyDir: {}}
                      - {name: config, configMap: {name: c, items: []}}
                """;
        ObjectNode object = objects(loose).get(0);

        String typed = typed(object);

        assertThat(typed).isEqualTo(fabric8(object, fabric8Type(object).orElseThrow()));
        assertThat(typed).contains("replicas: 2\n", "revisionHistoryLimit: 3\n", "paused: false\n",
                "tier: \"3\"", "canary: \"true\"", "- \"8080\"\n", "- \"true\"\n", "value: \"1\"", "value: \"0.5\"",
                "containerPort: 8080\n", "cpu: \"1\"", "cpu: \"0.5\"", "activeDeadlineSeconds: 600\n",
                "automountServiceAccountToken: true\n", "periodSeconds: 5\n", "port: 8080\n", "emptyDir: {}")
                .doesNotContain("annotations", "finalizers", "matchExpressions", "args", "minReadySeconds", "items");
    }

    @Test
    void fillsInTheFieldsANewFabric8ObjectHolds() {
        // found by a review: a claim template without apiVersion and kind
        ObjectNode object = objects("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: s}
                spec:
                  selector: {matchLabels: {app: s}}
                  serviceName: s
                  template:
                    metadata: {labels: {app: s}}
                    spec:
                      containers: [{name: c, image: i}]
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """).get(0);

        String typed = typed(object);

        assertThat(typed).isEqualTo(fabric8(object, fabric8Type(object).orElseThrow()));
        assertThat(typed).endsWith("        requests:\n          storage: 1Gi\n    apiVersion: v1\n    kind: PersistentVolumeClaim\n");
    }

    @Test
    void reportsTheUnknownFieldsBindingSetAsideWithTheTypeThatLacksThem() {
        ObjectNode object = objects("""
                apiVersion: v1
                kind: Service
                metadata: {name: s, lables: {a: b}}
                spec:
                  ports: [{port: 80, targetport: http}]
                  selector: {app: s}
                """).get(0);

        BuiltInKinds.Typed typed = BuiltInKinds.type(StructuralSchemas.shipped().builtIn("Service"), object);

        assertThat(typed.unknownFields()).containsExactly(new BuiltInKinds.Unknown("metadata.lables", "ObjectMeta"),
                new BuiltInKinds.Unknown("spec.ports[0].targetport", "ServicePort"));
        assertThat(typed.problems()).isEmpty();
    }

    @Test
    void refusesWhatBindingLetThroughOrTruncated() {
        ObjectNode object = objects("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: m}
                spec:
                  replicas: 1.5
                  progressDeadlineSeconds: 4294967296
                  selector: {matchLabels: {app: m}}
                  template:
                    spec:
                      containers:
                      - image: i:1
                        ports: [{containerPort: [8080]}]
                      terminationGracePeriodSeconds: 4294967296
                """).get(0);

        BuiltInKinds.Typed typed = BuiltInKinds.type(StructuralSchemas.shipped().builtIn("Deployment"), object);

        assertThat(typed.problems()).containsExactlyInAnyOrder(
                "spec.replicas: expected an integer, got 1.5",
                "spec.progressDeadlineSeconds: 4294967296 does not fit a 32-bit integer",
                "spec.template.spec.containers[0].ports[0].containerPort: expected an integer, got an array",
                "spec.template.spec.containers[0].name: required field is missing");
    }

    @Test
    void refusesWhatBindingGuessed() {
        ObjectNode object = objects("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: m, ownerReferences: [{name: o, uid: u}]}
                spec:
                  replicas: "5.0"
                  minReadySeconds: ""
                  paused: 1
                  selector: {matchLabels: {app: m}}
                  strategy: {rollingUpdate: {maxSurge: 2147483648}}
                  template:
                    spec:
                      automountServiceAccountToken: " true"
                      imagePullSecrets: [regcred]
                      containers:
                      - name: c
                        image: i:1
                        resources: {limits: {cpu: "", memory: 1e3Gi}, requests: {cpu: true}}
                """).get(0);

        BuiltInKinds.Typed typed = BuiltInKinds.type(StructuralSchemas.shipped().builtIn("Deployment"), object);

        assertThat(typed.problems()).containsExactlyInAnyOrder(
                // binding wrote kind: OwnerReference into a reference that named no kind
                "metadata.ownerReferences[0].apiVersion: required field is missing",
                "metadata.ownerReferences[0].kind: required field is missing",
                "spec.replicas: expected an integer, got '5.0'",
                "spec.minReadySeconds: expected an integer, got ''",
                "spec.paused: expected a boolean, got 1",
                "spec.strategy.rollingUpdate.maxSurge: expected an integer or a string, got 2147483648",
                "spec.template.spec.automountServiceAccountToken: expected a boolean, got ' true'",
                "spec.template.spec.imagePullSecrets[0]: expected an object, got 'regcred'",
                "spec.template.spec.containers[0].resources.limits.cpu: '' is no quantity (such as 500m, 2 or 1Gi)",
                "spec.template.spec.containers[0].resources.limits.memory: '1e3Gi' is no quantity (such as 500m, 2 or 1Gi)",
                "spec.template.spec.containers[0].resources.requests.cpu: true is no quantity (such as 500m, 2 or 1Gi)");
    }

    private static String typed(ObjectNode object) {
        BuiltInKinds.Typed typed = BuiltInKinds.type(StructuralSchemas.shipped().builtIn(object.get("kind").asString()), object);
        assertThat(typed.problems()).isEmpty();
        assertThat(typed.unknownFields()).isEmpty();
        return KubeYaml.write(KubeYaml.ordered(typed.manifest()));
    }

    /** What the typing step wrote before: the object bound to fabric8's class, written back in the blueprint's order. */
    private static String fabric8(ObjectNode object, Class<? extends HasMetadata> type) {
        HasMetadata bound = KubeYaml.mapper().treeToValue(object, type);
        JsonNode canonical = inOrderOf(KubeYaml.mapper().valueToTree(bound), object);
        return KubeYaml.write(KubeYaml.ordered((ObjectNode) canonical));
    }

    /**
     * A copy of {@code value} whose keys, at every level, follow the order they have in
     * {@code order} (keys {@code order} lacks come last, as they were). fabric8 serializes
     * an object by its class, in the alphabet; this gives it back the order of the blueprint, as
     * the typing step did while it bound objects to those classes.
     */
    private static JsonNode inOrderOf(JsonNode value, JsonNode order) {
        if (value instanceof ObjectNode object && order instanceof ObjectNode template) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            template.propertyNames().forEach(key -> {
                if (object.has(key)) {
                    copy.set(key, inOrderOf(object.get(key), template.get(key)));
                }
            });
            object.properties().forEach(e -> {
                if (!copy.has(e.getKey())) {
                    copy.set(e.getKey(), e.getValue());
                }
            });
            return copy;
        }
        if (value instanceof ArrayNode array && order instanceof ArrayNode template && array.size() == template.size()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < array.size(); i++) {
                copy.add(inOrderOf(array.get(i), template.get(i)));
            }
            return copy;
        }
        return value;
    }

    private static Optional<Class<? extends HasMetadata>> fabric8Type(ObjectNode object) {
        return CoreDefinitionsTest.KINDS.stream()
                .filter(type -> HasMetadata.getApiVersion(type).equals(object.path("apiVersion").asString())
                        && HasMetadata.getKind(type).equals(object.path("kind").asString()))
                .findFirst();
    }

    private static List<ObjectNode> objects(String yaml) {
        List<String> documents = Typer.contentDocuments(yaml);
        List<ObjectNode> objects = new ArrayList<>();
        for (String document : documents.isEmpty() ? List.of(yaml) : documents) {
            if (KubeYaml.mapper().readTree(document) instanceof ObjectNode object) {
                objects.add(object);
            }
        }
        return objects;
    }
}
