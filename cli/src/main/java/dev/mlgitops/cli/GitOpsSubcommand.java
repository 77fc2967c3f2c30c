package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.GitOpsCommand;
import dev.mlgitops.Options;
import dev.mlgitops.Result;
import picocli.CommandLine.Option;

/**
 * What the subcommands that read the GitOps repository share, as the Maven goals do: where it
 * is, which branch, the clone, and the deletion guard. Credentials come from MLGITOPS_GIT_TOKEN,
 * or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD.
 */
abstract class GitOpsSubcommand extends SpecSubcommand {

    @Option(names = Options.REPOSITORY_FLAG, paramLabel = "URL", description = "The GitOps repository. Default: spec.gitops.repoURL.")
    String repository;

    @Option(names = Options.BRANCH_FLAG, paramLabel = "BRANCH",
            description = "The branch Argo CD syncs: compared with, published to. Default: spec.gitops.targetRevision.")
    String branch;

    @Option(names = Options.WORK_FOLDER_FLAG, paramLabel = "FOLDER",
            description = "mlgitops' clone of the repository, reused between runs. Default: target/mlgitops/gitops-clone.")
    Path workFolder;

    @Option(names = Options.ALLOW_INSECURE_HTTP_FLAG, defaultValue = Options.ALLOW_INSECURE_HTTP_DEFAULT,
            description = "Send credentials to an http:// repository too, readable by anyone on the way.")
    boolean allowInsecureHttp;

    @Option(names = Options.MAX_DELETIONS_FLAG, paramLabel = "PERCENT", defaultValue = Options.MAX_DELETIONS_DEFAULT,
            description = "The share of the committed objects a change may remove before the guard refuses it. Default: ${DEFAULT-VALUE}.")
    int maxDeletions;

    @Option(names = Options.ALLOW_DELETIONS_FLAG, defaultValue = Options.ALLOW_DELETIONS_DEFAULT,
            description = "Allow a change that removes Argo CD Applications or more than --max-deletions percent of the objects.")
    boolean allowDeletions;

    @Option(names = Options.ALLOW_PROD_WITH_OTHERS_FLAG, defaultValue = Options.ALLOW_PROD_WITH_OTHERS_DEFAULT,
            description = "Allow a change that touches production (the last environment) together with other environments.")
    boolean allowProdWithOthers;

    @Override
    final int run(Path file) {
        if (maxDeletions < 0 || maxDeletions > 100) {
            return usage(Options.MAX_DELETIONS_FLAG + " " + maxDeletions + " is not a share: use 0 to 100");
        }
        return runWithRepository(file);
    }

    abstract int runWithRepository(Path file);

    /** The repository's options mapped onto the command. */
    final <C extends GitOpsCommand<C, R>, R extends Result> C configureGitOps(C command) {
        return configure(command).setRepository(repository).setBranch(branch).setWorkFolder(workFolder).setAllowInsecureHttp(allowInsecureHttp)
                .setMaxDeletions(maxDeletions).setAllowDeletions(allowDeletions).setAllowProdWithOthers(allowProdWithOthers);
    }
}
