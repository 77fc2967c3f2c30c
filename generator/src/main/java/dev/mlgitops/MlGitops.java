package dev.mlgitops;

import java.nio.file.Path;

/**
 * The generator's porcelain, JGit style: it only hands out single-use commands, each made with
 * its required arguments, set up with fluent setters and run once with {@code call()}, which
 * returns a result (status, findings, files, review) rather than throwing for an expected
 * outcome. The Maven plugin and the command line are adapters over these and nothing else.
 *
 * <pre>{@code
 * ReviewResult drift = MlGitops.check(Path.of("mlproject.yaml")).setOutputDirectory(Path.of("gitops")).call();
 * }</pre>
 */
public final class MlGitops {

    private MlGitops() {
    }

    /** Run the whole pipeline on {@code spec} and write nothing: whatever {@code generate} refuses, this refuses. */
    public static ValidateCommand validate(Path spec) {
        return new ValidateCommand(spec);
    }

    /** Build the tree of {@code spec} and write it to {@code <outputDirectory>/<spec.gitops.path>}. */
    public static GenerateCommand generate(Path spec) {
        return new GenerateCommand(spec);
    }

    /** Compare the tree {@code spec} generates with the committed one; drift is a failure. */
    public static CheckCommand check(Path spec) {
        return new CheckCommand(spec);
    }

    /** Compare the tree {@code spec} generates with the committed one and review the change. */
    public static DiffCommand diff(Path spec) {
        return new DiffCommand(spec);
    }

    /** Build the tree of {@code spec}, pass it through the deletion guard and commit it into the GitOps repository. */
    public static PublishCommand publish(Path spec) {
        return new PublishCommand(spec);
    }

    /**
     * Move the release the environment before {@code environment} pins (or another one, see
     * {@link PromoteCommand}) into {@code environment}, as a reviewable commit in the GitOps repository.
     */
    public static PromoteCommand promote(Path spec, String environment) {
        return new PromoteCommand(spec, environment);
    }

    /** Write a starter mlproject.yaml (and the schema copy it points at) into {@code folder}. */
    public static InitCommand init(Path folder) {
        return new InitCommand(folder);
    }
}
