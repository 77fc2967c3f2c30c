package dev.mlgitops.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.Blueprints;
import dev.mlgitops.render.ReferenceProject;
import dev.mlgitops.render.RenderedDocument;
import dev.mlgitops.render.Rendering;
import tools.jackson.databind.node.ObjectNode;

class TyperTest {

    private static final String BLUEPRINT = "serving/deployment/deployment.yaml.ftl";

    private final Findings findings = new Findings();

    @Test
    void blueprintTypoFailsTheRunWithTheBlueprintsName(@TempDir Path userFolder) throws IOException {
        Path pdb = userFolder.resolve("serving/deployment/pdb.yaml.ftl");
        Files.createDirectories(pdb.getParent());
        Files.writeString(pdb, """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: ${model.name}
                spec:
                  maxUnavailabel: 1
                """);

        Rendering rendering = Rendering.of(Blueprints.of(Optional.of(userFolder)), ReferenceProject.prod());

        assertThat(rendering.errors()).containsExactly("mlproject.yaml: error [MLG-TYPE-UNKNOWN-FIELD] blueprint "
                + "serving/deployment/pdb.yaml.ftl rendered field 'spec.maxUnavailabel' that PodDisruptionBudgetSpec "
                + "does not have: fix the blueprint");
        assertThat(rendering.byName()).doesNotContainKey("PodDisruptionBudget/fraud-detection-explainer");
    }

    @Test
    void reportsUnknownFieldsDeepInsideListsWithTheirPath() {
        type(doc("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: m, lables: {a: b}}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    spec:
                      containers:
                      - name: c
                        image: i:1
                      - name: d
                        image: i:1
                        securityContext: {readOnlyRootFileSystem: true}
                """));

        assertThat(findings.sorted()).extracting(Finding::message).containsExactlyInAnyOrder(
                "blueprint " + BLUEPRINT + " rendered field 'metadata.lables' that ObjectMeta does not have: fix the blueprint",
                "blueprint " + BLUEPRINT + " rendered field 'spec.template.spec.containers[1].securityContext."
                        + "readOnlyRootFileSystem' that SecurityContext does not have: fix the blueprint");
    }

    @Test
    void rejectsAKindItDoesNotKnow() {
        List<TypedObject> typed = type(doc("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                """));

        assertThat(typed).isEmpty();
        assertThat(findings.sorted()).extracting(Finding::code, Finding::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                Code.TYPE_UNKNOWN_KIND, "blueprint " + BLUEPRINT + " rendered v1 Pod, a kind mlgitops does not know: fix the blueprint"));
    }

    @Test
    void rejectsAValueOfTheWrongTypeWithItsPath() {
        type(doc("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: m}
                spec: {replicas: many}
                """));

        assertThat(findings.sorted()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Code.TYPE_INVALID);
            assertThat(f.message()).isEqualTo("blueprint " + BLUEPRINT + " rendered an invalid Deployment: "
                    + "spec.replicas: expected an integer, got 'many'");
        });
    }

    @Test
    void rejectsBrokenYamlAndDocumentsThatAreNoObjects() {
        type(doc("[1, 2]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: [\n"));

        assertThat(findings.sorted()).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                        .isEqualTo("blueprint " + BLUEPRINT + " rendered an invalid object: a document must be a mapping with apiVersion and kind"))
                .anySatisfy(m -> assertThat(m).startsWith("blueprint " + BLUEPRINT + " rendered an invalid YAML document: ")
                        // where it broke, though the text is first parsed without positions
                        .contains("in reader, line 6, column 1").endsWith(" (line 5 of its output)"));
    }

    @Test
    void rejectsAKeyWrittenTwice() {
        List<TypedObject> typed = type(doc("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nmetadata: {name: b}\n"));

        assertThat(typed).isEmpty();
        assertThat(findings.sorted()).extracting(Finding::message).singleElement().asString()
                .startsWith("blueprint " + BLUEPRINT + " rendered an invalid YAML document: ")
                .contains("metadata");
    }

    @Test
    void rejectsAnObjectWithoutName() {
        type(doc("apiVersion: v1\nkind: Service\nmetadata: {labels: {a: b}}\n"));

        assertThat(findings.sorted()).extracting(Finding::message)
                .containsExactly("blueprint " + BLUEPRINT + " rendered an invalid Service: metadata.name is missing");
    }

    @Test
    void reportsTwoObjectsOfTheSameKindAndNameWithTheEnvironment() {
        String service = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n";
        List<TypedObject> typed = new Typer().type(List.of(
                new RenderedDocument(Stage.SERVING, "serving/a.yaml.ftl", service, "prod"),
                new RenderedDocument(Stage.SERVING, "serving/b.yaml.ftl", service + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\n", "prod")),
                findings);

        assertThat(typed).extracting(o -> o.key().toString()).containsExactly("Service s", "ConfigMap s");
        assertThat(findings.sorted()).extracting(Finding::message).containsExactly(
                "two objects are named Service s in environment 'prod' (blueprints serving/a.yaml.ftl and serving/b.yaml.ftl): rename one of the items");
    }

    @Test
    void typesATextOnceAndGivesEachRenderingItsOwnBlueprintAndSource() {
        Typer typer = new Typer();
        String service = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: \"80\"}]}\n";
        TypedObject inBase = typer.type(List.of(
                new RenderedDocument(Stage.SERVING, "serving/a.yaml.ftl", service, "base", "/serving/a")), findings).get(0);
        TypedObject inProd = typer.type(List.of(
                new RenderedDocument(Stage.SERVING, "serving/b.yaml.ftl", service, "prod", "/serving/b")), findings).get(0);

        assertThat(inProd.manifest()).isSameAs(inBase.manifest());
        assertThat(inProd.manifest().at("/spec/ports/0/port").isInt()).isTrue();
        assertThat(List.of(inBase.blueprint(), inBase.source(), inProd.blueprint(), inProd.source()))
                .containsExactly("serving/a.yaml.ftl", "/serving/a", "serving/b.yaml.ftl", "/serving/b");
        assertThat(findings.isEmpty()).isTrue();
    }

    @Test
    void putsATextOfDocumentsTypedBeforeTogetherFromThemAndTypesOneWithANewDocument() {
        Typer typer = new Typer();
        String a = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: \"80\"}]}\n";
        String b = "# b\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n";
        String c = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: c}\n";
        List<TypedObject> all = typer.type(List.of(new RenderedDocument(Stage.TENANCY, "tenancy/x.yaml.ftl",
                a + "---\n" + b + "---\n# none\n---\n" + c, "base")), findings);
        List<TypedObject> fewer = typer.type(List.of(new RenderedDocument(Stage.TENANCY, "tenancy/x.yaml.ftl",
                "---\n" + c + "---\n" + a, "prod")), findings);
        List<TypedObject> changed = typer.type(List.of(new RenderedDocument(Stage.TENANCY, "tenancy/x.yaml.ftl",
                a + "---\n" + b.replace("name: b", "name: d"), "dev")), findings);

        assertThat(fewer).extracting(o -> o.key().name()).containsExactly("c", "a");
        assertThat(fewer.get(0).manifest()).isSameAs(all.get(2).manifest());
        assertThat(fewer.get(1).manifest()).isSameAs(all.get(0).manifest());
        assertThat(fewer.get(1).manifest().at("/spec/ports/0/port").isInt()).isTrue();
        assertThat(changed).extracting(o -> o.key().name()).containsExactly("a", "d");
        assertThat(changed.get(0).manifest()).isNotSameAs(all.get(0).manifest()).isEqualTo(all.get(0).manifest());
        assertThat(findings.isEmpty()).isTrue();
    }

    @Test
    void splitsATextOnlyAtItsDocumentLinesAndNotWhenItHasOtherMarkers() {
        assertThat(Typer.contentDocuments("a: 1\n---\nb: |\n  ---\n  x\n---\n# c\n---\n\n")).containsExactly("a: 1\n",
                "b: |\n  ---\n  x\n");
        assertThat(Typer.contentDocuments("a: 1\n")).isEmpty();
        assertThat(Typer.contentDocuments("a: 1\n---\nb: 2\n...\n")).isEmpty();
        assertThat(Typer.contentDocuments("%YAML 1.2\n---\na: 1\n---\nb: 2\n")).isEmpty();
        assertThat(Typer.contentDocuments("a: 1\n---\n--- |\n  x\n")).isEmpty();
    }

    @Test
    void reportsABrokenTextForEveryBlueprintThatRendersIt() {
        Typer typer = new Typer();
        String broken = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {portz: []}\n";
        typer.type(List.of(new RenderedDocument(Stage.SERVING, "serving/a.yaml.ftl", broken, "base")), findings);
        List<TypedObject> again = typer.type(List.of(
                new RenderedDocument(Stage.SERVING, "serving/b.yaml.ftl", broken, "prod")), findings);

        assertThat(again).isEmpty();
        assertThat(findings.sorted()).extracting(Finding::message).hasSize(2)
                .anySatisfy(message -> assertThat(message).contains("serving/a.yaml.ftl").contains("portz"))
                .anySatisfy(message -> assertThat(message).contains("serving/b.yaml.ftl").contains("portz"));
    }

    @Test
    void manifestHoldsTheApisTypesInKubernetesOrder() {
        List<TypedObject> typed = type(doc("""
                spec:
                  ports: [{name: http, port: "80", targetPort: 8080}]
                  selector: {app: "4711"}
                metadata:
                  labels: {z: "1", a: "true"}
                  name: s
                kind: Service
                apiVersion: v1
                ---
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: q}
                spec: {hard: {requests.cpu: 48, requests.memory: 1.5Gi, requests.nvidia.com/gpu: 4}}
                ---
                # a template that rendered nothing leaves an empty document
                """));

        assertThat(findings.isEmpty()).isTrue();
        ObjectNode service = typed.get(0).manifest();
        assertThat(names(service)).containsExactly("apiVersion", "kind", "metadata", "spec");
        assertThat(names((ObjectNode) service.get("metadata"))).containsExactly("name", "labels");
        assertThat(names((ObjectNode) service.at("/metadata/labels"))).containsExactly("a", "z");
        assertThat(service.at("/spec/ports/0/port").isInt()).as("a port is a number").isTrue();
        assertThat(service.at("/spec/ports/0/targetPort").isInt()).isTrue();
        assertThat(service.at("/spec/selector/app").isString()).as("a label value stays a string").isTrue();
        assertThat(service.at("/metadata/labels/a").asString()).isEqualTo("true");
        ObjectNode hard = (ObjectNode) typed.get(1).manifest().at("/spec/hard");
        assertThat(hard.toString()).as("quantities are strings")
                .isEqualTo("{\"requests.cpu\":\"48\",\"requests.memory\":\"1.5Gi\",\"requests.nvidia.com/gpu\":\"4\"}");
        assertThat(typed.get(0).key()).isEqualTo(new ObjectKey("v1", "Service", "s", true));
    }

    @Test
    void namespaceIsTheOnlyClusterScopedKind() {
        List<TypedObject> typed = Rendering.of(ReferenceProject.prod()).objects();

        assertThat(typed).filteredOn(o -> !o.key().namespaced()).extracting(o -> o.key().toString())
                .containsExactly("Namespace fraud");
    }

    @Test
    void checksACustomResourceAgainstItsStructuralSchema() throws IOException {
        String valid = Files.readString(Path.of("src/test/resources/typed/crds/InferenceService/valid.yaml"));

        List<TypedObject> typed = type(doc(valid));

        assertThat(findings.sorted()).isEmpty();
        assertThat(typed).singleElement().satisfies(object -> {
            assertThat(object.key().kind()).isEqualTo("InferenceService");
            assertThat(object.key().namespaced()).isTrue();
            assertThat(object.manifest().propertyNames().iterator().next()).isEqualTo("apiVersion");
        });
    }

    @Test
    void rejectsACustomResourceFieldItsSchemaDoesNotKnowNamingTheBlueprint() throws IOException {
        String typo = Files.readString(Path.of("src/test/resources/typed/crds/InferenceService/storage-uri-typo.yaml"));

        List<TypedObject> typed = type(doc(typo));

        assertThat(typed).isEmpty();
        assertThat(findings.sorted()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(Code.TYPE_INVALID);
            assertThat(finding.message()).startsWith("blueprint " + BLUEPRINT + " rendered an invalid InferenceService: ")
                    .contains("storageURI: unknown field, did you mean 'storageUri'?");
        });
    }

    @Test
    void rejectsAnUnservedVersionOfAKnownCustomResource() {
        type(doc("apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: s}\nspec: {}\n"));

        assertThat(findings.sorted()).extracting(Finding::code).containsExactly(Code.TYPE_UNKNOWN_KIND);
    }

    private List<TypedObject> type(RenderedDocument document) {
        return new Typer().type(List.of(document), findings);
    }

    private static RenderedDocument doc(String yaml) {
        return new RenderedDocument(Stage.SERVING, BLUEPRINT, yaml, "base");
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}
