package dev.mlgitops;

import java.nio.file.Path;
import java.util.Optional;

import dev.mlgitops.git.CommitTreeCommand;

/**
 * What the commands that commit into the GitOps repository share ({@code publish},
 * {@code promote}): the branch the commit goes on, whether to push it, and its author.
 *
 * @param <C> the command itself, so that the setters chain
 * @param <R> its result
 */
public abstract class CommittingCommand<C extends CommittingCommand<C, R>, R extends Result> extends GitOpsCommand<C, R> {

    private Optional<String> newBranch = Optional.empty();
    private boolean push;
    private Optional<String> authorName = Optional.empty();
    private Optional<String> authorEmail = Optional.empty();

    CommittingCommand(Path spec) {
        super(spec);
    }

    /**
     * Commit on this new branch, made from the branch, for a pull request. Default: {@code publish}
     * commits on the branch itself, {@code promote} on {@code mlgitops/promote-<env>-<release>}.
     */
    public final C setNewBranch(String name) {
        this.newBranch = Optional.ofNullable(name).filter(n -> !n.isBlank()).map(n -> requireBranchName(Options.NEW_BRANCH, n));
        return me();
    }

    /** Push the branch; never forced. Default false: the commit stays in the work folder. */
    public final C setPush(boolean pushBranch) {
        this.push = pushBranch;
        return me();
    }

    /** The commit's author; used when both name and email are given. Default: the source repository's user, else "mlgitops". */
    public final C setAuthor(String name, String email) {
        this.authorName = Optional.ofNullable(name).filter(n -> !n.isBlank());
        this.authorEmail = Optional.ofNullable(email).filter(e -> !e.isBlank());
        return me();
    }

    /** The new branch, the push and the author applied to a commit; {@code defaultBranch} when no new branch was set (null: none). */
    final CommitTreeCommand committing(CommitTreeCommand command, String defaultBranch) {
        command.setNewBranch(newBranch.orElse(defaultBranch)).setPush(push);
        if (authorName.isPresent() && authorEmail.isPresent()) {
            command.setAuthor(authorName.get(), authorEmail.get());
        }
        return command;
    }

    @SuppressWarnings("unchecked")
    private C me() {
        return (C) this;
    }
}
