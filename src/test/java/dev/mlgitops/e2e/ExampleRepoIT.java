package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mlgitops.yaml.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Real Maven on a copy of example-repo (its pom and mlproject.yaml, not its committed tree). */
class ExampleRepoIT {

    /** spec.gitops.path of the reference mlproject.yaml. */
    private static final String GITOPS_PATH = "projects/fraud-detection";

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void generateResourcesWritesTheCommittedTreeIntoTheProject() throws Exception {
        Path project = copyOfExampleRepo("example-repo");

        Command.Result run = ForkedMaven.run(project, "generate-resources");

        MavenOutput.assertSucceeded(run);
        Path tree = project.resolve("gitops").resolve(GITOPS_PATH);
        assertThat(yaml(tree.resolve("argocd/dev/apps/serving.yaml")).at("/spec/source/path").asString())
                .isEqualTo(GITOPS_PATH + "/overlays/dev/serving");
        assertThat(yaml(tree.resolve("argocd/prod/root.yaml")).at("/spec/source/path").asString())
                .isEqualTo(GITOPS_PATH + "/argocd/prod/apps");
        assertThat(yaml(tree.resolve("overlays/staging/serving/kustomization.yaml")).at("/namespace").asString())
                .isEqualTo("fraud-staging");
        assertThat(tree.resolve("argocd/appproject.yaml")).isRegularFile();
        assertThat(tree.resolve("base/tenancy/kustomization.yaml")).isRegularFile();
        assertThat(Trees.read(tree)).allSatisfy((file, text) -> assertThat(Header.isGenerated(text)).as(file).isTrue());
        assertThat(Trees.read(tree).get("README.md")).startsWith(Header.MARKDOWN_PREFIX);
        List<String> differences = Trees.differences(Trees.read(Repository.committedGitops().resolve(GITOPS_PATH)), Trees.read(tree));
        assertThat(differences)
                .as("the plugin's tree differs from the one committed in example-repo/gitops:%n%s%nRefresh it with:%n  %s",
                        String.join("\n", differences), Repository.REFRESH_COMMAND)
                .isEmpty();
    }

    @Test
    void anUnchangedSecondRunIsUpToDateAndAnEditedFileIsRestored() throws Exception {
        Path project = copyOfExampleRepo("example-repo-incremental");
        MavenOutput.assertSucceeded(ForkedMaven.run(project, "generate-resources"));
        Path deployment = project.resolve("gitops").resolve(GITOPS_PATH)
                .resolve("base/serving/deployment-fraud-detection-explainer.yaml");
        String generated = Files.readString(deployment);

        Command.Result again = ForkedMaven.run(project, "generate-resources");

        MavenOutput.assertSucceeded(again);
        assertThat(again.output())
                .contains("mlgitops: up to date: the spec, the blueprints and the tree are as the last run left them")
                .doesNotContain("warning [MLG-")
                .doesNotContain("mlgitops: writing");
        assertThat(project.resolve("target/mlgitops-stamps/generate-gitops-tree.json")).isRegularFile();

        Files.writeString(deployment, generated + "# edited by hand\n");
        Command.Result edited = ForkedMaven.run(project, "generate-resources");

        MavenOutput.assertSucceeded(edited);
        assertThat(edited.output()).contains("mlgitops: writing 157 files").doesNotContain("up to date");
        assertThat(Files.readString(deployment)).isEqualTo(generated);
    }

    @Test
    void skipPropertyLeavesTheTreeUnwritten() throws Exception {
        Path project = copyOfExampleRepo("example-repo-skipped");

        Command.Result run = ForkedMaven.run(project, "generate-resources", "-Dmlgitops.skip");

        MavenOutput.assertSucceeded(run);
        assertThat(run.output()).contains("mlgitops: skipped (mlgitops.skip=true)");
        assertThat(project.resolve("gitops")).doesNotExist();
    }

    private static Path copyOfExampleRepo(String name) throws IOException {
        Path project = ForkedMaven.freshFolder(name);
        for (String file : List.of("pom.xml", "mlproject.yaml")) {
            Files.copy(Repository.exampleRepo().resolve(file), project.resolve(file));
        }
        return project;
    }

    private static JsonNode yaml(Path file) {
        assertThat(file).isRegularFile();
        return YAML.readTree(file.toFile());
    }
}
