package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mlgitops.Options;
import org.junit.jupiter.api.Test;

/** Real Maven in a folder without a pom, calling the plugin by its full coordinates. */
class WithoutProjectIT {

    private static final String SCORER_ENGINE = "      engine: kserve                         # kserve | deployment\n";

    @Test
    void validateAcceptsTheReferenceSpec() throws Exception {
        Path folder = folderWithSpec("valid", referenceSpec());

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("validate"));

        MavenOutput.assertSucceeded(run);
        assertThat(run.output()).contains("mlgitops: mlproject.yaml is valid",
                "mlgitops: prerequisites: Argo Workflows, External Secrets Operator,");
        assertThat(folder.resolve("target/mlgitops/prerequisites.json")).exists();
    }

    @Test
    void validateFailsOnABrokenSpecWithTheFindingLineAndAOneLineSummary() throws Exception {
        String reference = referenceSpec();
        assertThat(reference).contains(SCORER_ENGINE);
        Path folder = folderWithSpec("broken", reference.replace(SCORER_ENGINE, SCORER_ENGINE.replaceFirst("kserve", "kservee")));

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("validate"),
                "-D" + Options.SPEC + "=" + folder.resolve("mlproject.yaml"));

        MavenOutput.assertFailedWithoutStackTrace(run);
        assertThat(run.output()).contains("\n[ERROR] mlproject.yaml:144:7: error [MLG-SCHEMA-ENUM] spec.serving.scorer.engine:"
                + " 'kservee' is not one of kserve, deployment, vllm (did you mean 'kserve'?)\n");
        assertThat(run.output()).contains(": mlproject.yaml has 1 error; see the lines above -> [Help 1]\n");
    }

    @Test
    void failOnWarningFailsGenerateOnAWarningAndWritesNothing() throws Exception {
        Path folder = folderWithSpec("fail-on-warning", Files.readString(Repository.root()
                .resolve("generator/src/test/resources/warnings/one-replica-in-production/mlproject.yaml"), StandardCharsets.UTF_8));

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("generate"),
                "-D" + Options.FAIL_ON + "=warning");

        MavenOutput.assertFailedWithoutStackTrace(run);
        assertThat(run.output()).contains("\n[WARNING] mlproject.yaml:18:18: warning [MLG-POLICY-REPLICAS]"
                + " spec.serving.explainer.replicas.min: environment 'prod': HorizontalPodAutoscaler demo-explainer");
        assertThat(run.output()).contains("and " + Options.FAIL_ON + " is warning; see the lines above -> [Help 1]\n");
        // the findings reports are written; the tree is not
        assertThat(folder.resolve("target/mlgitops/findings.sarif")).isRegularFile();
        assertThat(folder.resolve("target/mlgitops/projects")).doesNotExist();
    }

    @Test
    void missingSpecFailsNamingTheFileAndHowToCreateOne() throws Exception {
        Path folder = ForkedMaven.freshFolder("no-spec");

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("validate"));

        MavenOutput.assertFailedWithoutStackTrace(run);
        assertThat(run.output()).contains("No spec file at " + folder.resolve("mlproject.yaml") + ": create one there",
                "-D" + Options.SPEC + "=<file>");
    }

    @Test
    void missingBlueprintsFolderFailsNamingIt() throws Exception {
        Path folder = folderWithSpec("no-blueprints", referenceSpec());

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("validate"),
                "-D" + Options.BLUEPRINTS + "=my-blueprints");

        MavenOutput.assertFailedWithoutStackTrace(run);
        assertThat(run.output()).contains("The blueprints folder " + folder.resolve("my-blueprints") + " does not exist");
    }

    @Test
    void skipPropertySkipsValidate() throws Exception {
        Path folder = ForkedMaven.freshFolder("skipped");

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("validate"), "-D" + Options.SKIP);

        MavenOutput.assertSucceeded(run);
        assertThat(run.output()).contains("mlgitops: skipped (mlgitops.skip=true)");
    }

    @Test
    void generateWritesUnderTargetMlgitopsOfTheCurrentFolder() throws Exception {
        Path folder = folderWithSpec("generate", referenceSpec());

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("generate"));

        MavenOutput.assertSucceeded(run);
        assertThat(folder.resolve("target/mlgitops/projects/fraud-detection/argocd/appproject.yaml")).isRegularFile();
    }

    @Test
    void helpListsEveryGoalAndEveryPropertyWithItsDefault() throws Exception {
        Command.Result run = ForkedMaven.run(ForkedMaven.freshFolder("help"), ForkedMaven.pluginGoal("help"), "-Ddetail");

        MavenOutput.assertSucceeded(run);
        assertThat(run.output()).contains("mlgitops:validate", "mlgitops:generate", "mlgitops:init", Options.SPEC,
                Options.OUTPUT_DIRECTORY, Options.SKIP, Options.BLUEPRINTS,
                Options.ENVIRONMENTS, Options.NAME, Options.TEAM, Options.STAGES,
                Options.FORCE, Options.FAIL_ON);
        // every parameter's Javadoc names its property and default
        for (String property : new String[] {Options.SPEC, Options.OUTPUT_DIRECTORY, Options.SKIP,
            Options.BLUEPRINTS, Options.ENVIRONMENTS, Options.NAME, Options.TEAM,
            Options.STAGES, Options.FORCE, Options.FAIL_ON}) {
            assertThat(run.output()).contains("Property: \"" + property + "\". Default:");
        }
    }

    @Test
    void initWritesAStarterThatValidatesAndRefusesToOverwriteIt() throws Exception {
        Path folder = ForkedMaven.freshFolder("init");

        Command.Result init = ForkedMaven.run(folder, ForkedMaven.pluginGoal("init"), "-D" + Options.NAME + "=churn",
                "-D" + Options.TEAM + "=growth", "-D" + Options.STAGES + "=training,serving");
        Command.Result validate = ForkedMaven.run(folder, ForkedMaven.pluginGoal("validate"));
        Command.Result again = ForkedMaven.run(folder, ForkedMaven.pluginGoal("init"));

        MavenOutput.assertSucceeded(init);
        assertThat(Files.readString(folder.resolve("mlproject.yaml")))
                .startsWith("# yaml-language-server: $schema=.mlgitops/mlproject-v1alpha1.schema.json\n")
                .contains("  name: churn ", "  training:", "  serving:");
        assertThat(folder.resolve(".mlgitops/mlproject-v1alpha1.schema.json")).isRegularFile();
        MavenOutput.assertSucceeded(validate);
        MavenOutput.assertFailedWithoutStackTrace(again);
        assertThat(again.output()).contains("[MLG-INIT-EXISTS] mlproject.yaml exists already");
    }

    @Test
    void generateLimitedToOneEnvironmentEndsWithTheTable() throws Exception {
        Path folder = folderWithSpec("environments", referenceSpec());

        Command.Result run = ForkedMaven.run(folder, ForkedMaven.pluginGoal("generate"), "-D" + Options.ENVIRONMENTS + "=prod");

        MavenOutput.assertSucceeded(run);
        assertThat(run.output()).contains("[INFO] environment  stage", "[INFO] prod         serving", "[INFO] done in ");
        assertThat(folder.resolve("target/mlgitops/projects/fraud-detection/argocd/prod/root.yaml")).isRegularFile();
        assertThat(folder.resolve("target/mlgitops/projects/fraud-detection/argocd/dev")).doesNotExist();
    }

    @Test
    void quietGenerateLogsNothingAndQuietValidateOnlyTheErrors() throws Exception {
        Path folder = folderWithSpec("quiet", referenceSpec());

        Command.Result generate = ForkedMaven.run(folder, ForkedMaven.pluginGoal("generate"), "-q");
        Command.Result unknown = ForkedMaven.run(folder, ForkedMaven.pluginGoal("validate"), "-q",
                "-D" + Options.ENVIRONMENTS + "=prdo");

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.output()).doesNotContain("[INFO]", "mlgitops:");
        assertThat(unknown.output()).doesNotContain("[INFO]")
                .contains("[ERROR] mlproject.yaml: error [MLG-ENV-UNKNOWN] spec.environments: environment 'prdo' was asked"
                        + " for but is not under spec.environments; known environments: dev, staging, prod");
    }

    private static String referenceSpec() throws IOException {
        return Files.readString(Repository.exampleRepo().resolve("mlproject.yaml"), StandardCharsets.UTF_8);
    }

    private static Path folderWithSpec(String name, String spec) throws IOException {
        Path folder = ForkedMaven.freshFolder(name);
        Files.writeString(folder.resolve("mlproject.yaml"), spec, StandardCharsets.UTF_8);
        return folder;
    }
}
