package dev.mlgitops.cli;

import dev.mlgitops.CommittingCommand;
import dev.mlgitops.Options;
import dev.mlgitops.Result;
import picocli.CommandLine.Option;

/** What the subcommands that commit into the GitOps repository share, as the Maven goals do: the branch, the push, the author. */
abstract class CommittingSubcommand extends GitOpsSubcommand {

    @Option(names = Options.NEW_BRANCH_FLAG, paramLabel = "BRANCH", description = "Commit on this new branch, e.g. for a pull request."
            + " Default: publish commits on --branch; promote on mlgitops/promote-<env>-<release>.")
    String newBranch;

    @Option(names = Options.PUSH_FLAG, defaultValue = Options.PUSH_DEFAULT,
            description = "Push the branch; never forced. Without it the commit stays in the work folder.")
    boolean push;

    @Option(names = Options.AUTHOR_NAME_FLAG, paramLabel = "NAME",
            description = "The commit's author name (with --author-email). Default: the source repository's user.name, else mlgitops.")
    String authorName;

    @Option(names = Options.AUTHOR_EMAIL_FLAG, paramLabel = "EMAIL",
            description = "The commit's author email (with --author-name). Default: the source repository's user.email.")
    String authorEmail;

    /** The repository options and these applied to {@code command}. */
    final <C extends CommittingCommand<C, R>, R extends Result> C configureCommit(C command) {
        return configureGitOps(command).setNewBranch(newBranch).setPush(push).setAuthor(authorName, authorEmail);
    }
}
