package dev.mlgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line in-process: exit codes, JSON output, the environment filter, init, check, diff, publish. */
class MainTest {

    private static final String SCORER_ENGINE = "      engine: kserve                         # kserve | deployment\n";
    private static final String TREE = "projects/fraud-detection/";

    @TempDir
    Path folder;

    @Test
    void validateOfTheReferenceExitsZeroAndSaysItIsValid() {
        Cli.Run run = Cli.run("validate", Cli.REFERENCE.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("mlgitops: mlproject.yaml is valid\n"
                + "mlgitops: prerequisites: Argo Workflows, External Secrets Operator, Grafana dashboard sidecar, Istio (sidecar mode) with istio-cni,"
                + " KServe (Knative mode) with Knative Serving, Knative Serving: init containers,"
                + " Knative Serving: pod securityContext, Kubeflow Training Operator,"
                + " NVIDIA device plugin (or GPU Operator),"
                + " Prometheus Operator, a CNI that enforces NetworkPolicy, an ingress controller, cert-manager, metrics-server (versions"
                + " and settings: PREREQUISITES.md)\n");
    }

    @Test
    void aSpecWithErrorsExitsOneWithEachFindingInTheOneLineFormat() throws IOException {
        Path spec = brokenSpec();

        Cli.Run run = Cli.run("validate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mlproject.yaml:144:7: error [MLG-SCHEMA-ENUM] spec.serving.scorer.engine:"
                + " 'kservee' is not one of kserve, deployment, vllm (did you mean 'kserve'?)\nmlproject.yaml has 1 error\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void jsonOutputPrintsTheFindingsReportOnStdoutOnly() throws IOException {
        Path spec = brokenSpec();

        Cli.Run run = Cli.run("validate", spec.toString(), "--output", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.path("file").asString()).isEqualTo(spec.toString());
        assertThat(json.path("errors").asInt()).isEqualTo(1);
        assertThat(json.at("/findings/0/code").asString()).isEqualTo("MLG-SCHEMA-ENUM");
        assertThat(json.at("/findings/0/line").asInt()).isEqualTo(144);
        assertThat(json.at("/findings/0/path").asString()).isEqualTo("spec.serving.scorer.engine");
    }

    @Test
    void usageMistakesExitTwo() {
        Cli.Run unknownOption = Cli.run("validate", "--bogus");
        Cli.Run missingSpec = Cli.run("validate", folder.resolve("nothing.yaml").toString());
        Cli.Run badFormat = Cli.run("validate", Cli.REFERENCE.toString(), "--output", "xml");
        Cli.Run noCommand = Cli.run();
        Cli.Run badPlace = Cli.run("validate", Cli.REFERENCE.toString(), "--applications-in", "argocd");
        Cli.Run badBranch = Cli.run("publish", Cli.REFERENCE.toString(), "--new-branch", "release..1\nx",
                "--repository", folder.resolve("none.git").toString());

        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("Unknown option: '--bogus'");
        assertThat(missingSpec.exitCode()).isEqualTo(2);
        assertThat(missingSpec.err()).isEqualTo("mlgitops: No spec file at " + folder.resolve("nothing.yaml")
                + ": create one with 'mlgitops init' or name yours as the argument\n");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("name a command: validate, generate, diff, check, publish, promote or init");
        assertThat(badPlace.exitCode()).isEqualTo(2);
        assertThat(badPlace.err()).isEqualTo("mlgitops: --applications-in argocd is not a place for Applications:"
                + " use team-namespaces or argocd-namespace\n");
        assertThat(badBranch.exitCode()).isEqualTo(2);
        assertThat(badBranch.err()).isEqualTo("mlgitops: --new-branch (-Dmlgitops.gitops.newBranch): 'release..1\\u000Ax' is not a branch name:"
                + " git check-ref-format refuses control characters, spaces, '..', '~', '^', ':', '?', '*', '[', '\\',"
                + " '@{', a '/' or '.' at either end, '//' and a '.lock' ending\n");
    }

    @Test
    void generateLimitedToOneEnvironmentWritesOnlyItsFilesAndTheSharedOnesAndPrintsTheTable() {
        Path output = folder.resolve("gitops");

        Cli.Run run = Cli.run("generate", Cli.REFERENCE.toString(), "--output-directory", output.toString(), "--environments", "prod");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("environment  stage").contains("\nprod         serving ", "\n(project)    argocd ", "\ndone in ")
                .doesNotContain("\ndev ", "\nstaging ");
        assertThat(output.resolve(TREE + "argocd/prod/root.yaml")).isRegularFile();
        assertThat(output.resolve(TREE + "base/serving/kustomization.yaml")).isRegularFile();
        assertThat(output.resolve(TREE + "argocd/appproject.yaml")).isRegularFile();
        assertThat(output.resolve(TREE + "overlays/dev")).doesNotExist();
        assertThat(run.err()).contains("mlgitops: rendering environment prod (3/3)");
    }

    @Test
    void anUnknownEnvironmentExitsOneNamingTheKnownOnes() {
        Cli.Run run = Cli.run("generate", Cli.REFERENCE.toString(), "--output-directory", folder.toString(), "--environments", "prdo", "-q");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mlproject.yaml: error [MLG-ENV-UNKNOWN] spec.environments: environment 'prdo' was"
                + " asked for but is not under spec.environments; known environments: dev, staging, prod\nmlproject.yaml has 1 error\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDeniedNamespaceExitsOneAtTheEnvironmentThatUsesIt() {
        Cli.Run run = Cli.run("validate", Cli.REFERENCE.toString(), "--denied-namespaces", "monitoring,fraud", "-q");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mlproject.yaml:218:7: error [MLG-CHECK-RESERVED-NAMESPACE]"
                + " spec.environments.prod.namespace: namespace 'fraud' is denied by the platform (deniedNamespaces):"
                + " give the environment a namespace of the project's own\nmlproject.yaml has 1 error\n");
    }

    @Test
    void checkPassesOnAFreshTreeAndFailsListingEachFileThatDrifted() throws IOException {
        String output = folder.resolve("gitops").toString();
        Cli.run("generate", Cli.REFERENCE.toString(), "--output-directory", output, "-q");

        Cli.Run inStep = Cli.run("check", Cli.REFERENCE.toString(), "--output-directory", output, "-q");
        Files.writeString(folder.resolve("gitops/" + TREE + "argocd/prod/root.yaml"), "edited\n");
        Files.delete(folder.resolve("gitops/" + TREE + "argocd/dev/root.yaml"));
        Cli.Run drifted = Cli.run("check", Cli.REFERENCE.toString(), "--output-directory", output);

        assertThat(inStep.exitCode()).isZero();
        assertThat(drifted.exitCode()).isEqualTo(1);
        assertThat(drifted.err()).contains("+ argocd/dev/root.yaml\n~ argocd/prod/root.yaml\nmlgitops: " + folder.resolve("gitops/" + TREE)
                .toString().replaceAll("/$", "") + " differs from what mlproject.yaml generates, 2 files: 1 added (+), 1 changed (~),"
                + " 0 removed (-); run 'mlgitops generate' and commit the result\n");
    }

    @Test
    void checkLimitedToOneEnvironmentIgnoresTheOthers() {
        String output = folder.resolve("gitops").toString();
        Cli.run("generate", Cli.REFERENCE.toString(), "--output-directory", output, "--environments", "prod", "-q");

        assertThat(Cli.run("check", Cli.REFERENCE.toString(), "--output-directory", output, "--environments", "prod").exitCode()).isZero();
        assertThat(Cli.run("check", Cli.REFERENCE.toString(), "--output-directory", output).exitCode()).isEqualTo(1);
    }

    @Test
    void diffPrintsWhatGenerateWouldChangeAsJsonAndExitsZero() throws IOException {
        Cli.Run run = Cli.run("diff", Cli.REFERENCE.toString(), "--output-directory", folder.toString(), "--output", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.path("errors").asInt()).isZero();
        assertThat(json.at("/drift/inSync").asBoolean()).isFalse();
        assertThat(json.at("/drift/missing")).extracting(JsonNode::asString).contains("argocd/appproject.yaml", "argocd/prod/root.yaml");
        assertThat(json.at("/drift/different")).isEmpty();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void diffMarksEachFileAndWritesTheReview() throws IOException {
        String output = folder.resolve("gitops").toString();
        Cli.run("generate", Cli.REFERENCE.toString(), "--output-directory", output, "-q");
        Path root = folder.resolve("gitops/" + TREE + "argocd/prod/root.yaml");
        Files.writeString(root, Files.readString(root).replace("targetRevision: main", "targetRevision: release"));
        Path review = folder.resolve("review.md");

        Cli.Run run = Cli.run("diff", Cli.REFERENCE.toString(), "--output-directory", output, "--review", review.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("~ argocd/prod/root.yaml\n")
                .endsWith(" differs from what mlproject.yaml generates, 1 file: 0 added (+), 1 changed (~), 0 removed (-)\n")
                .contains("mlgitops: review written to " + review);
        assertThat(Files.readString(review)).contains("changed `Application fraud/fraud-detection-prod`")
                .contains("-    targetRevision: release", "+    targetRevision: main");
    }

    @Test
    void checkAndDiffPrintTheReviewsSummaryInMarkdownForACiStepSummary() throws IOException {
        String output = folder.resolve("gitops").toString();
        Cli.run("generate", Cli.REFERENCE.toString(), "--output-directory", output, "-q");
        Path root = folder.resolve("gitops/" + TREE + "argocd/prod/root.yaml");
        Files.writeString(root, Files.readString(root).replace("targetRevision: main", "targetRevision: release"));

        Cli.Run diff = Cli.run("diff", Cli.REFERENCE.toString(), "--output-directory", output,
                "--review", folder.resolve("review.md").toString(), "--output", "markdown");
        Cli.Run check = Cli.run("check", Cli.REFERENCE.toString(), "--output-directory", output, "--output", "markdown");
        Cli.Run validate = Cli.run("validate", Cli.REFERENCE.toString(), "--output", "markdown");

        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).startsWith("# mlgitops review: `projects/fraud-detection`\n")
                .contains("## Flags\n\nNone.\n", "| prod | argocd | 0 | 1 | 0 |\n",
                        "### prod / argocd\n\n- changed `Application fraud/fraud-detection-prod`\n")
                .endsWith("## Files\n\n1 file: 0 added (+), 1 changed (~), 0 removed (-).\n\n```text\n~ argocd/prod/root.yaml\n```\n")
                .doesNotContain("```diff", "mlgitops: ");
        assertThat(Files.readString(folder.resolve("review.md"))).contains("```diff\n");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).isEqualTo(diff.out());
        assertThat(check.err()).contains("\n~ argocd/prod/root.yaml\nmlgitops: ");
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).isEqualTo("mlgitops: --output markdown is for check and diff: use text or json\n");
    }

    @Test
    void initWritesAStarterThatValidatesAndRefusesToOverwriteIt() throws IOException {
        Cli.Run init = Cli.run("init", folder.toString(), "--name", "churn", "--team", "growth", "--stages", "feature-store,serving");
        Cli.Run validate = Cli.run("validate", folder.resolve("mlproject.yaml").toString());
        Cli.Run again = Cli.run("init", folder.toString());
        Cli.Run forced = Cli.run("init", folder.toString(), "--force", "--stages", "notebooks");

        assertThat(init.exitCode()).isZero();
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.err()).isEmpty();
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("mlproject.yaml: error [MLG-INIT-EXISTS] mlproject.yaml exists already:"
                + " edit it, or force init to overwrite it\n");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(folder.resolve("mlproject.yaml"), StandardCharsets.UTF_8))
                .startsWith("# yaml-language-server: $schema=.mlgitops/mlproject-v1alpha1.schema.json\n")
                .contains("  notebooks:").doesNotContain("featureStore:");
    }

    @Test
    void initRejectsABadNameWithExitOne() {
        Cli.Run run = Cli.run("init", folder.toString(), "--name", "Fraud_Detection");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("mlproject.yaml: error [MLG-INIT-NAME] 'Fraud_Detection' is not a valid project name");
        assertThat(folder.resolve("mlproject.yaml")).doesNotExist();
    }

    @Test
    void publishCommitsAndPushesIntoTheGitOpsRepositoryThenFindsNothingToChange() throws Exception {
        Path remote = folder.resolve("gitops.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
        String[] args = {"publish", Cli.REFERENCE.toString(), "--repository", remote.toString(), "--branch", "main", "--push",
            "--work-folder", folder.resolve("clone").toString()};

        Cli.Run first = Cli.run(args);
        Cli.Run second = Cli.run(args);
        // without --output-directory, check reads the repository's branch, as the goal does
        Cli.Run check = Cli.run("check", Cli.REFERENCE.toString(), "--repository", remote.toString(), "--branch", "main",
                "--work-folder", folder.resolve("check-clone").toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("mlgitops: pushed ").contains(" to main (");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).startsWith("mlgitops: nothing changed on main");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).isEqualTo("mlgitops: " + remote + " (branch main) is in step with the spec\n");
        try (Git git = Git.open(remote.toFile())) {
            assertThat(git.log().call().iterator().next().getFullMessage()).contains("fraud-detection");
        }
    }

    @Test
    void publishRefusesWhatTheDeletionGuardRefusesAndPushesNothingUntilAllowed() throws Exception {
        Path remote = folder.resolve("gitops.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
        String[] publish = {"publish", "--repository", remote.toString(), "--branch", "main", "--push",
            "--work-folder", folder.resolve("clone").toString(), "-q"};
        assertThat(Cli.run(concat(publish, Cli.REFERENCE.toString())).exitCode()).isZero();
        ObjectId published = head(remote);
        // a user drops an environment: Argo CD would delete everything its seven Applications sync
        String reference = Files.readString(Cli.REFERENCE, StandardCharsets.UTF_8);
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, reference.substring(0, reference.indexOf("    staging:\n")) + reference.substring(reference.indexOf("    prod:\n")));

        Cli.Run refused = Cli.run(concat(publish, spec.toString()));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("mlgitops: [APPLICATIONS_REMOVED] removes 7 Argo CD Applications (")
                .containsPattern("\nmlgitops: \\[TOO_MANY_DELETIONS\\] removes \\d+ of \\d+ objects, more than the 10% allowed\n")
                .contains("\nmlgitops: the deletion guard refuses to publish this change: removes 7 Argo CD Applications")
                .endsWith(". Review it with 'mlgitops diff'; if it is meant, allow it with --allow-deletions\n");
        assertThat(refused.out()).isEmpty();
        assertThat(head(remote)).isEqualTo(published);

        Cli.Run allowed = Cli.run(concat(publish, spec.toString(), "--allow-deletions"));

        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(head(remote)).isNotEqualTo(published);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static ObjectId head(Path remote) throws IOException {
        try (Git git = Git.open(remote.toFile())) {
            return git.getRepository().resolve("refs/heads/main");
        }
    }

    private Path brokenSpec() throws IOException {
        String reference = Files.readString(Cli.REFERENCE, StandardCharsets.UTF_8);
        assertThat(reference).contains(SCORER_ENGINE);
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, reference.replace(SCORER_ENGINE, SCORER_ENGINE.replaceFirst("kserve", "kservee")));
        return spec;
    }

    @Test
    void runningOutOfMemoryPrintsOneLineAndExitsWithTheEnvironmentsCode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine exhausting = new CommandLine(new Exhausting()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

        int exit = Main.run(exhausting);

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).matches("mlgitops: out of memory \\(Java heap space, at most \\d+ MB of heap\\): the spec needs"
                + " more than this JVM has; give it more, e.g. JAVA_TOOL_OPTIONS=-Xmx2g, or split the project into smaller specs\n");
        assertThat(out.toString()).isEmpty();
    }

    /** A command that runs out of memory as a huge spec would, without taking this JVM's heap. */
    @Command(name = "exhausting")
    static final class Exhausting implements Callable<Integer> {

        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }
}
