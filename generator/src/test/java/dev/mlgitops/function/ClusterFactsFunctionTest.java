package dev.mlgitops.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.CaseFolders;
import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.render.ReferenceProject;
import dev.mlgitops.render.Rendering;
import dev.mlgitops.yaml.KubeYaml;

/** The function step reads the cluster's components where spec.cluster puts them. */
class ClusterFactsFunctionTest {

    @TempDir
    Path folder;

    @Test
    void kourierGatewaysInTheirNamespaceReachThePredictorAndTheRunHasNoFunctionFinding() throws IOException {
        Path spec = edited(text -> text.replace("      networking: istio ", "      networking: kourier")
                .replace("      namespace: istio-system    ", "      namespace: kourier-system  "));

        BuildOutcome generation = Builder.build(spec, BuildOptions.defaults());

        assertThat(generation.findings().sorted()).filteredOn(f -> f.code().id().startsWith("MLG-FUNCTION-")).isEmpty();
        assertThat(generation.tree().orElseThrow().files().get("PREREQUISITES.md"))
                .contains("knative-serving, kourier-system")
                .contains("Knative's networking layer kourier with its gateways in kourier-system")
                // Istio stays a prerequisite of the scorer's jwt (its sidecar), not of Knative's layer
                .doesNotContain("knative-serving, istio-system").doesNotContain("gateways in istio-system");
    }

    @Test
    void theGatewaysPathIsCheckedFromTheConfiguredNamespaceAndFailsWhenThePolicyLetsAnotherIn() {
        ResolvedEnvironment kourier = prod("{\"knative\": {\"networking\": \"kourier\"}}");
        Rendering rendering = Rendering.of(kourier);
        List<Workloads.Workload> workloads = Workloads.of(rendering.objects());
        Reachability reachability = new Reachability(kourier, "fraud", rendering.objects(), workloads);

        Set<Reachability.Connection> connections = reachability.connections();
        assertThat(connections).filteredOn(c -> c.what().startsWith("the networking layer's gateway"))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.from().namespace()).isEqualTo("kourier-system");
                    assertThat(c.from().labels()).containsEntry("app", "3scale-kourier-gateway");
                });
        List<Finding> findings = new ArrayList<>();
        reachability.check(findings);
        assertThat(findings).isEmpty();

        // the objects of an istio cluster, checked as if the cluster ran kourier: the gateway is refused
        Rendering istio = Rendering.of(prod("{\"knative\": {\"networking\": \"istio\"}}"));
        List<Finding> refused = new ArrayList<>();
        new Reachability(kourier, "fraud", istio.objects(), Workloads.of(istio.objects())).check(refused);
        assertThat(refused).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("the networking layer's gateway to InferenceService fraud-detection-scorer"));
    }

    @Test
    void aTlsIngressWithoutAnIssuerListsItsSecretPerNamespaceAsAPrerequisite() throws IOException {
        Path spec = edited(text -> text.replace(EXPLAINER_HEALTH, EXPLAINER_HEALTH + EXPLAINER_TLS)
                .replaceAll("\n    tls: \\{issuer: [^\n]*", ""));

        BuildOutcome generation = Builder.build(spec, BuildOptions.defaults());

        assertThat(generation.findings().hasErrors()).isFalse();
        String prerequisites = generation.tree().orElseThrow().files().get("PREREQUISITES.md");
        for (String[] environment : new String[][] {{"dev", "fraud-dev"}, {"staging", "fraud-staging"}, {"prod", "fraud"}}) {
            assertThat(prerequisites).contains("| TLS Secret fraud-detection-explainer-tls | kubernetes.io/tls | - | "
                    + environment[1] + " | a certificate for explain.example.com made before the sync, or set"
                    + " spec.cluster.tls.issuer for cert-manager to make it | " + environment[0] + " |");
        }
        assertThat(prerequisites).doesNotContain("cert-manager |");
    }

    @Test
    void aTlsIngressWithAnIssuerNeedsCertManagerAndNoSecret() throws IOException {
        // the reference names the issuer letsencrypt-prod
        Path spec = edited(text -> text.replace(EXPLAINER_HEALTH, EXPLAINER_HEALTH + EXPLAINER_TLS));

        BuildOutcome generation = Builder.build(spec, BuildOptions.defaults());

        assertThat(generation.findings().hasErrors()).isFalse();
        String prerequisites = generation.tree().orElseThrow().files().get("PREREQUISITES.md");
        assertThat(prerequisites).contains("| cert-manager | v1.x (cert-manager.io/v1, ingress-shim) |"
                        + " certificates.cert-manager.io, clusterissuers.cert-manager.io | cert-manager |"
                        + " ClusterIssuer letsencrypt-prod | dev, staging, prod |")
                .doesNotContain("TLS Secret");
    }

    private static final String EXPLAINER_HEALTH = "      health: {liveness: /healthz, readiness: /ready}\n";
    private static final String EXPLAINER_TLS = "      ingress: {host: explain.example.com, tls: true}\n";

    private static ResolvedEnvironment prod(String cluster) {
        return new ResolvedEnvironment(ReferenceProject.metadata(), ReferenceProject.spec(spec -> {
            spec.set("cluster", KubeYaml.mapper().readTree(cluster));
            return spec;
        }), Optional.of(ReferenceProject.PROD));
    }

    private Path edited(java.util.function.UnaryOperator<String> edit) throws IOException {
        String reference = Files.readString(CaseFolders.REFERENCE);
        String text = edit.apply(reference);
        assertThat(text).as("the edit applies").isNotEqualTo(reference);
        return Files.writeString(folder.resolve("mlproject.yaml"), text);
    }
}
