package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;

class BlueprintsTest {

    @TempDir
    Path userFolder;

    @Test
    void userFolderReplacesTheBuiltInTemplateOfTheSamePath() throws IOException {
        write("serving/deployment/pdb.yaml.ftl", """
                <#import "/lib/yaml.ftl" as y>
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                <@y.metadata name=model.name labels=model.labels/>
                spec:
                  minAvailable: 1
                  unhealthyPodEvictionPolicy: IfHealthyBudget
                  selector:
                    matchLabels: <@y.map model.selector/>
                """);

        Rendering rendering = Rendering.of(Blueprints.of(Optional.of(userFolder)), ReferenceProject.prod());

        assertThat(rendering.errors()).isEmpty();
        var pdb = rendering.get("PodDisruptionBudget/fraud-detection-explainer");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/maxUnavailable").isMissingNode()).isTrue();
        assertThat(pdb.at("/spec/unhealthyPodEvictionPolicy").asString()).isEqualTo("IfHealthyBudget");
        // the templates the folder does not hold still come from the jar
        assertThat(rendering.get("Service/fraud-detection-explainer").at("/spec/ports/0/port").asInt()).isEqualTo(80);
    }

    @Test
    void missingValueBecomesAFindingNamingTheBlueprintAndLine() throws IOException {
        write("serving/deployment/service.yaml.ftl", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ${model.nmae}
                """);

        Rendering rendering = Rendering.of(Blueprints.of(Optional.of(userFolder)), ReferenceProject.prod());

        assertThat(rendering.findings(Code.RENDER_FAILED)).singleElement().extracting(Finding::message).asString()
                .startsWith("blueprint serving/deployment/service.yaml.ftl:4 failed: ")
                .contains("model.nmae");
        // the other blueprints still rendered
        assertThat(rendering.byName()).containsKey("Deployment/fraud-detection-explainer");
    }

    @Test
    void syntaxErrorBecomesAFindingNamingTheBlueprintAndLine() throws IOException {
        write("tenancy/limitrange.yaml.ftl", """
                apiVersion: v1
                kind: LimitRange
                <#if>
                """);

        Rendering rendering = Rendering.of(Blueprints.of(Optional.of(userFolder)), ReferenceProject.prod());

        assertThat(rendering.findings(Code.RENDER_FAILED)).singleElement().extracting(Finding::message).asString()
                .startsWith("blueprint tenancy/limitrange.yaml.ftl:3 failed: ");
    }

    @Test
    void templatesCannotReachJava() throws IOException {
        write("tenancy/limitrange.yaml.ftl", """
                <#assign run = "freemarker.template.utility.Execute"?new()>
                kind: ${run("id")}
                """);
        write("tenancy/resourcequota.yaml.ftl", """
                kind: ${labels?api.getClass().getName()}
                """);

        Rendering rendering = Rendering.of(Blueprints.of(Optional.of(userFolder)), ReferenceProject.prod());

        assertThat(rendering.findings(Code.RENDER_FAILED)).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("blueprint tenancy/limitrange.yaml.ftl:1 failed: "))
                .anySatisfy(m -> assertThat(m).startsWith("blueprint tenancy/resourcequota.yaml.ftl:1 failed: "));
    }

    @Test
    void concatenatedValuesAreEscapedAsOneScalar() throws IOException {
        // a blueprint building a string from values and text still cannot break out of its scalar
        write("serving/deployment/service.yaml.ftl", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ${model.name + "\\nkind: Secret"}
                """);

        Rendering rendering = Rendering.of(Blueprints.of(Optional.of(userFolder)), ReferenceProject.prod());

        assertThat(rendering.byName()).containsKey("Service/fraud-detection-explainer\nkind: Secret");
    }

    @Test
    void parsesEachTemplateOnce() throws IOException {
        Blueprints blueprints = Blueprints.of(Optional.empty());
        Rendering.of(blueprints, ReferenceProject.base());
        Rendering.of(blueprints, ReferenceProject.prod());

        assertThat(blueprints.template("serving/deployment/deployment.yaml.ftl"))
                .isSameAs(blueprints.template("serving/deployment/deployment.yaml.ftl"));
    }

    @Test
    void rejectsAUserFolderThatIsNotADirectory() {
        Path missing = userFolder.resolve("nope");

        assertThatThrownBy(() -> Blueprints.of(Optional.of(missing)))
                .isInstanceOf(MlGitopsException.class)
                .hasMessage("reading blueprints from " + missing + ": not a directory");
    }

    private void write(String relative, String text) throws IOException {
        Path file = userFolder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
