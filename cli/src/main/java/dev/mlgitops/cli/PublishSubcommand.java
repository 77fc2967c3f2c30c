package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.Generation;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Validation;
import dev.mlgitops.git.GitOps;
import dev.mlgitops.git.PublishResult;
import dev.mlgitops.model.ResolvedProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the tree and commits it into the GitOps repository, pushing when asked. Over
 * {@link GitOps#publish}; credentials come from MLGITOPS_GIT_TOKEN (or _USERNAME and _PASSWORD).
 */
@Command(name = "publish", description = {"Validate, build the tree and commit it under spec.gitops.path of the GitOps repository;",
    "with --push, push it. Credentials: MLGITOPS_GIT_TOKEN, or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD."})
class PublishSubcommand extends SpecCommand {

    @Option(names = "--repository", paramLabel = "URL", description = "The GitOps repository. Default: spec.gitops.repoURL.")
    String repository;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The branch to publish to, or to start --new-branch from. Default: spec.gitops.targetRevision.")
    String branch;

    @Option(names = "--new-branch", paramLabel = "BRANCH", description = "Commit on this branch instead, e.g. for a pull request.")
    String newBranch;

    @Option(names = "--push", description = "Push the branch; without it the commit stays in the work folder.")
    boolean push;

    @Option(names = "--message", paramLabel = "SUBJECT", description = "The commit's subject line. Default: derived from the changed paths.")
    String message;

    @Option(names = "--allow-insecure-http", description = "Send credentials to an http:// repository too (readable on the way).")
    boolean allowInsecureHttp;

    @Option(names = "--work-folder", paramLabel = "FOLDER", defaultValue = "target/mlgitops/gitops-clone",
            description = "mlgitops' clone of the repository. Default: ${DEFAULT-VALUE}.")
    Path workFolder;

    @Override
    int run(Path file, GenerateOptions options) {
        Generation built = MlGitops.build(file, options);
        if (built.tree().isEmpty()) {
            return finish(built.sourceFile(), built.findings());
        }
        // the defaults come from the spec's gitops section
        ResolvedProject project = MlGitops.validate(file, options).project().orElseThrow();
        PublishResult result = GitOps.publish(built.tree().get(), repository != null ? repository : project.gitops().repoURL())
                .setBranch(branch != null ? branch : project.gitops().targetRevision())
                .setNewBranch(newBranch)
                .setPush(push)
                .setMessage(message)
                .setProject(project.metadata().name())
                .setSource(GitOps.readSource(file.getParent()))
                .setWorkFolder(workFolder.toAbsolutePath().normalize())
                .setAllowInsecureHttp(allowInsecureHttp)
                .call();
        int exit = finish(built.sourceFile(), built.findings());
        say("mlgitops: " + describe(result));
        if (result.status() == PublishResult.Status.REJECTED) {
            err().println("mlgitops: the push to " + result.branch() + " was rejected: " + result.rejection().orElse("")
                    + "; nothing was forced");
            err().flush();
            return ExitCodes.FINDINGS;
        }
        return exit;
    }

    private static String describe(PublishResult result) {
        String commit = result.commitId().map(id -> " " + id.substring(0, Math.min(12, id.length()))).orElse("");
        return switch (result.status()) {
            case UNCHANGED -> "nothing changed on " + result.branch() + commit;
            case COMMITTED -> "committed" + commit + " on " + result.branch() + " (" + result.written().size() + " written, "
                    + result.removed().size() + " removed); not pushed";
            case PUSHED -> "pushed" + commit + " to " + result.branch() + " (" + result.written().size() + " written, "
                    + result.removed().size() + " removed" + (result.retries() > 0 ? ", " + result.retries() + " retries" : "") + ")";
            case REJECTED -> "push to " + result.branch() + " rejected";
        };
    }
}
