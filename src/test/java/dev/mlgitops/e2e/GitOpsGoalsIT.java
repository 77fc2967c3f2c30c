package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.mlgitops.Options;
import org.junit.jupiter.api.Test;

/** Real Maven runs check, diff and publish on a copy of example-repo, with a bare repository over file:// as the GitOps repository. */
class GitOpsGoalsIT {

    private static final String SERVICE = "base/serving/service-fraud-detection-explainer.yaml";
    private static final String OLD_IMAGE = "fraud-scorer@sha256:3f1c";
    private static final String NEW_IMAGE = "fraud-scorer@sha256:4f1c";
    private static final String STAGING = """
                staging:
                  cluster: in-cluster
                  namespace: fraud-staging
                  sync: auto
                  overrides:
                    notebooks: null
            """;

    @Test
    void checkPassesOnTheCommittedTreeAndFailsNamingTheOneChangedFile() throws Exception {
        Path project = copyOfExampleRepo("check", true);

        Command.Result inSync = ForkedMaven.run(project, ForkedMaven.pluginGoal("check"), "-D" + Options.OUTPUT_DIRECTORY + "=gitops");

        MavenOutput.assertSucceeded(inSync);
        assertThat(inSync.output()).contains("mlgitops: gitops/projects/fraud-detection is what mlproject.yaml generates");

        Path service = project.resolve("gitops/projects/fraud-detection").resolve(SERVICE);
        Files.writeString(service, Files.readString(service) + "# edited by hand\n");
        Command.Result drifted = ForkedMaven.run(project, ForkedMaven.pluginGoal("check"), "-D" + Options.OUTPUT_DIRECTORY + "=gitops");

        MavenOutput.assertFailedWithoutStackTrace(drifted);
        assertThat(drifted.output()).contains("[ERROR] mlgitops: ~ " + SERVICE + "\n")
                .contains("gitops/projects/fraud-detection differs from what mlproject.yaml generates, 1 file: 0 added (+),"
                        + " 1 changed (~), 0 removed (-); run mlgitops:generate or mlgitops:publish");
    }

    @Test
    void diffWritesTheReviewWithFlagsObjectsAndDiffsAndLeavesTheTreeAlone() throws Exception {
        Path project = copyOfExampleRepo("diff", true);
        replaceInSpec(project, OLD_IMAGE, NEW_IMAGE);

        Command.Result run = ForkedMaven.run(project, ForkedMaven.pluginGoal("diff"), "-D" + Options.OUTPUT_DIRECTORY + "=gitops",
                "-D" + Options.OUTPUT + "=markdown");

        MavenOutput.assertSucceeded(run);
        // an artifact-only change: the base, and dev's release.yaml, images: pin and the release id its two training
        // inputs ConfigMaps record (dev's training overlay); staging and prod keep their pinned release
        assertThat(run.output()).contains("mlgitops: objects: 0 added, 3 changed, 0 removed; files: 0 added, 4 changed, 0 removed")
                .contains("[INFO] mlgitops: ~ base/serving/deployment-fraud-detection-explainer.yaml\n")
                .contains("[INFO] mlgitops: gitops/projects/fraud-detection differs from what mlproject.yaml generates, 4 files:"
                        + " 0 added (+), 4 changed (~), 0 removed (-)\n")
                .contains("mlgitops: [IMAGE_CHANGED] dev: Deployment fraud-dev/fraud-detection-explainer image")
                .doesNotContain("[PROD_WITH_OTHERS]");
        String review = Files.readString(project.resolve("target/mlgitops/review.md"));
        assertThat(review).startsWith("# mlgitops review: `projects/fraud-detection`\n")
                .contains("## Flags\n", "- **IMAGE_CHANGED** `dev`: Deployment fraud-dev/fraud-detection-explainer image",
                        "## Releases\n\n- `dev`: release `", "## Summary\n", "| dev | serving | 0 | 1 | 0 |", "## Objects\n",
                        "### dev / serving\n", "- changed `Deployment fraud-dev/fraud-detection-explainer`", "## Files\n",
                        "```diff\n--- a/projects/fraud-detection/base/serving/deployment-fraud-detection-explainer.yaml\n",
                        "\n+        image: registry.example.com/risk/" + NEW_IMAGE)
                .doesNotContain("- `staging`: release", "- `prod`: release", "| prod | serving |");
        // the step summary: the same review without the file content, the files in the drift notation
        assertThat(Files.readString(project.resolve("target/mlgitops/diff-summary.md")))
                .startsWith("# mlgitops review: `projects/fraud-detection`\n")
                .contains("- **IMAGE_CHANGED** `dev`: Deployment fraud-dev/fraud-detection-explainer image", "## Releases\n\n- `dev`: release `",
                        "| dev | serving | 0 | 1 | 0 |", "```text\n~ base/serving/deployment-fraud-detection-explainer.yaml\n")
                .doesNotContain("```diff");
        assertThat(run.output()).containsPattern("\\[INFO\\] mlgitops: summary written to .*/target/mlgitops/diff-summary.md\\n");
        assertThat(Trees.differences(Trees.read(Repository.committedGitops()), Trees.read(project.resolve("gitops")))).isEmpty();
    }

    @Test
    void publishCommitsOnceThenNothingAndTheGuardRefusesAShrinkingTreeThatCheckAndDiffReadFromTheRepository() throws Exception {
        Path project = copyOfExampleRepo("publish", false);
        Path remote = bareRepository("publish-remote.git");
        String[] publish = {ForkedMaven.pluginGoal("publish"), "-D" + Options.REPOSITORY + "=" + remote.toUri(),
            "-D" + Options.PUSH + "=true"};

        Command.Result first = ForkedMaven.run(project, publish);
        MavenOutput.assertSucceeded(first);
        int files = Trees.read(Repository.committedGitops()).size();
        assertThat(first.output()).containsPattern("mlgitops: pushed branch main at [0-9a-f]{12} \\(" + files + " files written, 0 removed\\)");
        assertThat(commits(remote)).hasSize(1);

        Command.Result second = ForkedMaven.run(project, publish);
        MavenOutput.assertSucceeded(second);
        assertThat(second.output()).contains("mlgitops: unchanged branch main");
        assertThat(commits(remote)).hasSize(1);

        Command.Result check = ForkedMaven.run(project, ForkedMaven.pluginGoal("check"), publish[1]);
        MavenOutput.assertSucceeded(check);
        assertThat(check.output()).contains(remote.toUri() + " (branch main) is what mlproject.yaml generates");

        replaceInSpec(project, STAGING, "");
        Command.Result diff = ForkedMaven.run(project, ForkedMaven.pluginGoal("diff"), publish[1]);
        MavenOutput.assertSucceeded(diff);
        assertThat(Files.readString(project.resolve("target/mlgitops/review.md")))
                .contains("- **APPLICATIONS_REMOVED** removes 7 Argo CD Applications", "(publish refuses this unless allowed)",
                        "- **TOO_MANY_DELETIONS** removes 93 of 290 objects, more than the 10% allowed",
                        "| staging | argocd | 0 | 0 | 7 |", "- removed `overlays/staging/serving/kustomization.yaml`");

        Command.Result shrinking = ForkedMaven.run(project, publish);
        MavenOutput.assertFailedWithoutStackTrace(shrinking);
        assertThat(shrinking.output())
                .contains("[ERROR] mlgitops: [APPLICATIONS_REMOVED] removes 7 Argo CD Applications")
                .contains("The deletion guard refuses to publish this change: removes 7 Argo CD Applications")
                .contains("allow it with -D" + Options.ALLOW_DELETIONS + "=true");
        assertThat(commits(remote)).hasSize(1);
    }

    @Test
    void validateWritesSarifJunitAndJsonNamingTheSpecRelativeToTheBaseFolderEvenWhenItFails() throws Exception {
        Path folder = ForkedMaven.freshFolder("reports");
        Files.createDirectories(folder.resolve("ml"));
        String spec = Files.readString(Repository.exampleRepo().resolve("mlproject.yaml"));
        Files.writeString(folder.resolve("ml/mlproject.yaml"), spec.replace("engine: kserve ", "engine: kservee "));

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("validate"), "-D" + Options.SPEC + "=ml/mlproject.yaml");

        MavenOutput.assertFailedWithoutStackTrace(run);
        Path reports = folder.resolve("target/mlgitops");
        assertThat(Files.readString(reports.resolve("findings.sarif")))
                .contains("\"version\" : \"2.1.0\"", "\"uri\" : \"ml/mlproject.yaml\"", "MLG-SCHEMA-ENUM", "\"startLine\" : 144");
        assertThat(Files.readString(reports.resolve("findings-junit.xml"))).contains("MLG-SCHEMA-ENUM");
        assertThat(Files.readString(reports.resolve("findings.json"))).contains("MLG-SCHEMA-ENUM");
    }

    static Path copyOfExampleRepo(String name, boolean withTree) throws IOException {
        Path project = ForkedMaven.freshFolder(name);
        for (String file : List.of("pom.xml", "mlproject.yaml")) {
            Files.copy(Repository.exampleRepo().resolve(file), project.resolve(file));
        }
        if (withTree) {
            for (var file : Trees.read(Repository.committedGitops()).entrySet()) {
                Path target = project.resolve("gitops").resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        return project;
    }

    private static void replaceInSpec(Path project, String from, String to) throws IOException {
        Path spec = project.resolve("mlproject.yaml");
        String text = Files.readString(spec);
        assertThat(text).contains(from);
        Files.writeString(spec, text.replace(from, to));
    }

    static Path bareRepository(String name) throws InterruptedException {
        Path folder = ForkedMaven.freshFolder(name);
        Command.Result init = Command.run(folder, List.of("git", "init", "--bare", "--quiet", "--initial-branch=main", "."));
        assertThat(init.exitCode()).as(init.output()).isZero();
        return folder;
    }

    private static List<String> commits(Path remote) throws InterruptedException {
        Command.Result log = Command.run(remote, List.of("git", "log", "--format=%H %s", "main"));
        assertThat(log.exitCode()).as(log.output()).isZero();
        return log.output().lines().toList();
    }

    /** Every file under {@code folder} whose text holds {@code marker}. */
    static List<Path> filesContaining(Path folder, String marker) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
