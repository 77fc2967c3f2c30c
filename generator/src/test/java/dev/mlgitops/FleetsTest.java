package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.Builder;
import dev.mlgitops.function.Prerequisites;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.typed.StructuralSchemas;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An environment on several clusters: one ApplicationSet per stage, checked clusters, the AppProject's destinations. */
class FleetsTest {

    static final Path FLEET = Path.of("../example-repo/fleet/mlproject.yaml");
    static final Path GOLDEN = Path.of("../example-repo/fleet/prod-applicationsets.yaml");
    private static final String LISTED = """
                  clusters:                              # a fleet: one ApplicationSet per stage fans out to each
                    - {name: prod-eu, server: https://prod-eu.k8s.example.com}
                    - {name: prod-us, server: https://prod-us.k8s.example.com}
                    - {name: prod-ap, server: https://prod-ap.k8s.example.com}
            """;

    @TempDir
    Path folder;

    @Test
    void eachStageOfTheFleetIsOneApplicationSetOverTheListedClustersInOrder() {
        ObjectNode set = object(build(FLEET), "argocd/prod/apps/serving.yaml");

        assertThat(set.path("apiVersion").asString()).isEqualTo("argoproj.io/v1alpha1");
        assertThat(set.path("kind").asString()).isEqualTo("ApplicationSet");
        assertThat(set.at("/metadata/name").asString()).isEqualTo("churn-prod-serving");
        assertThat(set.at("/metadata/namespace").asString()).isEqualTo("churn");
        assertThat(set.at("/spec/goTemplate").asBoolean()).isTrue();
        assertThat(strings(set.at("/spec/goTemplateOptions"))).containsExactly("missingkey=error");
        assertThat(set.at("/spec/generators")).hasSize(1);
        JsonNode elements = set.at("/spec/generators/0/list/elements");
        assertThat(elements).hasSize(3);
        assertThat(elements.get(0).path("name").asString()).isEqualTo("prod-eu");
        assertThat(elements.get(0).path("server").asString()).isEqualTo("https://prod-eu.k8s.example.com");
        assertThat(elements.get(2).path("name").asString()).isEqualTo("prod-ap");
        assertThat(set.at("/spec/template/metadata/name").asString()).isEqualTo("churn-prod-serving-{{.name}}");
        assertThat(set.at("/spec/template/spec/destination/server").asString()).isEqualTo("{{.server}}");
        assertThat(set.at("/spec/template/spec/destination/namespace").asString()).isEqualTo("churn");
        assertThat(set.at("/spec/template/spec/destination").has("name")).isFalse();
    }

    @Test
    void aProgressiveRolloutIsOneRollingSyncStepPerClusterOverTheWaveLabel() {
        ObjectNode set = object(build(FLEET), "argocd/prod/apps/tenancy.yaml");

        assertThat(set.at("/spec/strategy/type").asString()).isEqualTo("RollingSync");
        JsonNode steps = set.at("/spec/strategy/rollingSync/steps");
        List<String> waves = new ArrayList<>();
        for (JsonNode step : steps) {
            assertThat(step.path("matchExpressions")).hasSize(1);
            JsonNode expression = step.path("matchExpressions").get(0);
            assertThat(expression.path("key").asString()).isEqualTo("mlgitops.dev/wave");
            assertThat(expression.path("operator").asString()).isEqualTo("In");
            waves.add(String.join(",", strings(expression.path("values"))));
        }
        assertThat(waves).containsExactly("prod-eu", "prod-us", "prod-ap");
        assertThat(set.at("/spec/template/metadata/labels/mlgitops.dev~1wave").asString()).isEqualTo("{{.name}}");
    }

    @Test
    void theTemplateIsThePlainApplicationWithTheGeneratorsDestination() throws IOException {
        OutputTree fleet = build(FLEET);
        OutputTree single = build(write(Files.readString(FLEET).replace(LISTED,
                "      cluster: https://prod-eu.k8s.example.com\n").replace("      rollout: progressive", "")));

        for (String stage : List.of("tenancy", "serving")) {
            ObjectNode template = (ObjectNode) object(fleet, "argocd/prod/apps/" + stage + ".yaml").at("/spec/template");
            ObjectNode application = object(single, "argocd/prod/apps/" + stage + ".yaml");
            assertThat(application.path("kind").asString()).isEqualTo("Application");
            ((ObjectNode) template.path("spec")).remove("destination");
            ((ObjectNode) application.path("spec")).remove("destination");
            assertThat(template.path("spec")).as(stage).isEqualTo(application.path("spec"));
            assertThat(template.at("/metadata/annotations")).isEqualTo(application.at("/metadata/annotations"));
            assertThat(template.at("/metadata/finalizers")).isEqualTo(application.at("/metadata/finalizers"));
            assertThat(template.at("/metadata/annotations/argocd.argoproj.io~1sync-wave").asString())
                    .isEqualTo(stage.equals("tenancy") ? "0" : "3");
        }
        // one environment on a fleet changes only that environment's Argo CD files
        assertThat(fleet.files().get("argocd/staging/apps/serving.yaml")).isEqualTo(single.files().get("argocd/staging/apps/serving.yaml"));
        assertThat(fleet.files().get("overlays/prod/serving/kustomization.yaml"))
                .isEqualTo(single.files().get("overlays/prod/serving/kustomization.yaml"));
    }

    @Test
    void aSelectorIsAClusterGeneratorAndItsWavesComeFromTheClusterSecretsLabel() throws IOException {
        OutputTree tree = build(write(Files.readString(FLEET).replace(LISTED, """
                      clusters:
                        matchLabels: {mlgitops.dev/fleet: churn-prod}
                        waves: [canary, main]
                """)));
        ObjectNode set = object(tree, "argocd/prod/apps/serving.yaml");

        assertThat(set.at("/spec/generators/0").propertyNames()).containsExactly("clusters");
        assertThat(set.at("/spec/generators/0/clusters/selector/matchLabels/mlgitops.dev~1fleet").asString()).isEqualTo("churn-prod");
        assertThat(set.at("/spec/template/metadata/name").asString()).isEqualTo("churn-prod-serving-{{.nameNormalized}}");
        assertThat(set.at("/spec/template/metadata/labels/mlgitops.dev~1wave").asString())
                .isEqualTo("{{index .metadata.labels \"mlgitops.dev/wave\"}}");
        assertThat(set.at("/spec/template/spec/destination/server").asString()).isEqualTo("{{.server}}");
        assertThat(strings(set.at("/spec/strategy/rollingSync/steps/0/matchExpressions/0/values"))).containsExactly("canary");
        assertThat(strings(set.at("/spec/strategy/rollingSync/steps/1/matchExpressions/0/values"))).containsExactly("main");
        // the AppProject cannot know a selector's clusters: any server, the environment's namespace only
        JsonNode destinations = object(tree, "argocd/appproject.yaml").at("/spec/destinations");
        assertThat(destinations.toString()).contains("{\"server\":\"*\",\"namespace\":\"churn\"}")
                .doesNotContain("prod-eu");
    }

    @Test
    void namesOfClusterSecretsAreDestinationsByNameAndAParallelRolloutHasNoStrategy() throws IOException {
        OutputTree tree = build(write(Files.readString(FLEET).replace(LISTED, """
                      clusters: [prod-eu, prod-us, prod-ap]
                """).replace("      rollout: progressive", "")));
        ObjectNode set = object(tree, "argocd/prod/apps/serving.yaml");

        assertThat(set.at("/spec/template/spec/destination/name").asString()).isEqualTo("{{.name}}");
        assertThat(set.at("/spec/template/spec/destination").has("server")).isFalse();
        assertThat(set.at("/spec/generators/0/list/elements/1").toString()).isEqualTo("{\"name\":\"prod-us\"}");
        assertThat(set.at("/spec").has("strategy")).isFalse();
        assertThat(set.at("/spec/template/metadata").has("labels")).isFalse();
        assertThat(object(tree, "argocd/appproject.yaml").at("/spec/destinations").toString())
                .contains("{\"name\":\"prod-us\",\"namespace\":\"churn\"}");
    }

    @Test
    void theAppProjectAllowsEveryClusterOfTheFleetAndTheApplicationSets() {
        ObjectNode project = object(build(FLEET), "argocd/appproject.yaml");

        List<String> destinations = new ArrayList<>();
        project.at("/spec/destinations").forEach(d -> destinations.add(
                d.path("server").asString(d.path("name").asString("")) + " " + d.path("namespace").asString()));
        assertThat(destinations).containsExactly("in-cluster churn-staging", "https://prod-eu.k8s.example.com churn",
                "https://prod-us.k8s.example.com churn", "https://prod-ap.k8s.example.com churn",
                "https://kubernetes.default.svc churn-staging", "https://kubernetes.default.svc churn");
        List<String> kinds = new ArrayList<>();
        project.at("/spec/namespaceResourceWhitelist").forEach(k -> kinds.add(k.path("group").asString() + "/" + k.path("kind").asString()));
        assertThat(kinds).contains("argoproj.io/Application", "argoproj.io/ApplicationSet");
    }

    @Test
    void everyApplicationSetPassesItsStructuralSchema() {
        StructuralSchemas schemas = StructuralSchemas.shipped();
        Map<String, String> apps = build(FLEET).files().subMap("argocd/prod/apps/", "argocd/prod/apps0");

        assertThat(apps).hasSize(2);
        apps.forEach((path, text) -> {
            JsonNode object = KubeYaml.mapper().readTree(text);
            assertThat(schemas.problems("argoproj.io/v1alpha1", "ApplicationSet", object)).as(path).hasValue(List.of());
        });
    }

    @Test
    void theGoldenApplicationSetsOfTheExampleAreCurrent() throws IOException {
        Map<String, String> apps = build(FLEET).files().subMap("argocd/prod/apps/", "argocd/prod/apps0");
        StringBuilder generated = new StringBuilder("# What mlgitops generates for environment prod of mlproject.yaml beside this file: one\n"
                + "# ApplicationSet per stage (FleetsTest compares; -Dmlgitops.writeGolden=true rewrites it).\n---\n");
        apps.forEach((path, text) -> generated.append("# ").append(path).append('\n').append(text.substring(text.indexOf('\n') + 1)).append("---\n"));

        if (Boolean.getBoolean("mlgitops.writeGolden")) {
            Files.writeString(GOLDEN, generated);
        }
        assertThat(generated.toString()).as("regenerate with -Dmlgitops.writeGolden=true and read the diff")
                .isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void theArgoCdSettingsTheFleetNeedsAreAPrerequisite() {
        Prerequisites prerequisites = Builder.build(FLEET, BuildOptions.defaults()).prerequisites().orElseThrow();

        assertThat(prerequisites.items()).filteredOn(item -> item.component().equals("Argo CD ApplicationSet controller"))
                .singleElement().satisfies(item -> {
                    assertThat(item.neededBy()).containsExactly("prod");
                    assertThat(item.crds()).isEqualTo("applicationsets.argoproj.io");
                    assertThat(item.settings()).contains("applicationsetcontroller.namespaces lists churn ")
                            .contains("applicationsetcontroller.enable.progressive.syncs: \"true\"");
                });
    }

    @Test
    void clustersAreCheckedWithPositionedFindings() throws IOException {
        String spec = Files.readString(FLEET);

        assertThat(errors(spec.replace("- {name: prod-ap, server: https://prod-ap.k8s.example.com}",
                "- {name: prod-eu, server: https://prod-eu.k8s.example.com/}"))).containsExactly(
                "mlproject.yaml:40:12: error [MLG-CHECK-FLEET-DUPLICATE] spec.environments.prod.clusters[2].name: cluster"
                        + " 'prod-eu' is listed twice in the clusters of environment 'prod' (first as item 0): list each cluster once",
                "mlproject.yaml:40:27: error [MLG-CHECK-FLEET-DUPLICATE] spec.environments.prod.clusters[2].server: server"
                        + " 'https://prod-eu.k8s.example.com/' is listed twice in the clusters of environment 'prod' (first as"
                        + " item 0): list each cluster once");
        assertThat(errors(spec.replace("- {name: prod-us, server: https://prod-us.k8s.example.com}", "- prod-us")))
                .containsExactly("mlproject.yaml:39:11: error [MLG-CHECK-FLEET-SERVERS] spec.environments.prod.clusters[1]:"
                        + " cluster 'prod-us' has no server while 'prod-eu' has one: give every listed cluster a server, or"
                        + " none (then each name is an Argo CD cluster secret's)");
        assertThat(errors(spec.replace("      namespace: churn\n", "      namespace: churn\n      cluster: in-cluster\n")))
                .containsExactly("mlproject.yaml:38:7: error [MLG-CHECK-CLUSTER-CHOICE] spec.environments.prod.clusters:"
                        + " environment 'prod' gives both cluster and clusters: give cluster for one cluster or clusters for a fleet");
        assertThat(errors(spec.replace("      cluster: in-cluster\n", ""))).containsExactly(
                "mlproject.yaml:30:5: error [MLG-CHECK-CLUSTER-CHOICE] spec.environments.staging: environment 'staging'"
                        + " gives neither cluster nor clusters: give cluster for one cluster or clusters for a fleet");
        assertThat(errors(spec.replace("      sync: auto\n      clusters:", "      sync: manual\n      clusters:"))).containsExactly(
                "mlproject.yaml:41:7: error [MLG-CHECK-FLEET-ROLLOUT] spec.environments.prod.rollout: environment 'prod':"
                        + " a progressive rollout syncs each wave once the one before is healthy, which sync: manual leaves to a"
                        + " person: set sync: auto, or rollout: parallel");
    }

    @Test
    void aServerIsAnHttpsUrlWithoutCredentials() throws IOException {
        String spec = Files.readString(FLEET);

        assertThat(errors(spec.replace("https://prod-us.k8s.example.com", "https://deploy:s3cret@prod-us.k8s.example.com")))
                .singleElement().asString().startsWith("mlproject.yaml:39:27: error [MLG-CHECK-URL-CREDENTIALS]"
                        + " spec.environments.prod.clusters[1].server: the URL carries credentials before '@'")
                .doesNotContain("s3cret");
        assertThat(errors(spec.replace("https://prod-us.k8s.example.com", "http://prod-us.k8s.example.com")))
                .singleElement().asString().startsWith("mlproject.yaml:39:27: error [MLG-SCHEMA-PATTERN]"
                        + " spec.environments.prod.clusters[1].server: 'http://prod-us.k8s.example.com'");
    }

    @Test
    void aSelectorsWavesGoWithAProgressiveRolloutOnly() throws IOException {
        String selector = Files.readString(FLEET).replace(LISTED, """
                      clusters:
                        matchLabels: {mlgitops.dev/fleet: churn-prod}
                """);

        assertThat(errors(selector)).containsExactly(
                "mlproject.yaml:39:7: error [MLG-CHECK-FLEET-ROLLOUT] spec.environments.prod.rollout: environment 'prod':"
                        + " a progressive rollout over a selector needs clusters.waves: list the values of the cluster secrets'"
                        + " mlgitops.dev/wave label in rollout order");
        assertThat(errors(selector.replace("      rollout: progressive", "").replace("churn-prod}\n", "churn-prod}\n        waves: [eu]\n")))
                .containsExactly("mlproject.yaml:39:9: error [MLG-CHECK-FLEET-ROLLOUT] spec.environments.prod.clusters.waves:"
                        + " environment 'prod': waves order a progressive rollout only: set rollout: progressive, or remove waves");
    }

    private List<String> errors(String spec) throws IOException {
        return MlGitops.validate(write(spec)).call().findings().stream().filter(FindingLine::error).map(FindingLine::text).toList();
    }

    private Path write(String spec) throws IOException {
        Path file = Files.createDirectories(folder.resolve("case" + System.nanoTime())).resolve("mlproject.yaml");
        return Files.writeString(file, spec);
    }

    private static OutputTree build(Path spec) {
        var outcome = Builder.build(spec, BuildOptions.defaults());
        assertThat(outcome.findings().sorted()).as("findings").noneMatch(f -> f.severity().label().equals("error"));
        return outcome.tree().orElseThrow();
    }

    private static ObjectNode object(OutputTree tree, String path) {
        String text = tree.files().get(path);
        assertThat(text).as(path).isNotNull();
        return (ObjectNode) KubeYaml.mapper().readTree(text);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
