package dev.mlgitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.git.CommitTreeCommand;
import dev.mlgitops.git.CommitTreeResult;
import dev.mlgitops.git.GitOps;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.release.Releases;
import dev.mlgitops.review.Flag;
import dev.mlgitops.review.TreeReview;

/**
 * Builds the tree once, reviews it against the branch Argo CD syncs, and commits it under
 * {@code spec.gitops.path} of the GitOps repository when something changed; pushes when asked.
 * The deletion guard first refuses ({@link Status#REFUSED}) a change that removes Applications,
 * removes more than the allowed share of the objects, or touches production together with other
 * environments, unless allowed. Made by {@link MlGitops#publish}.
 */
public final class PublishCommand extends CommittingCommand<PublishCommand, PublishResult> {

    private Optional<String> message = Optional.empty();
    private Optional<Path> sourceFolder = Optional.empty();

    PublishCommand(Path spec) {
        super(spec);
    }

    /** The commit's subject line. Default: derived from the changed paths. */
    public PublishCommand setMessage(String subjectLine) {
        this.message = Optional.ofNullable(subjectLine).filter(m -> !m.isBlank());
        return this;
    }

    /** The folder of the project's source repository, whose HEAD the commit message names. Default: the spec's folder. */
    public PublishCommand setSourceFolder(Path folder) {
        this.sourceFolder = Optional.ofNullable(folder).map(f -> f.toAbsolutePath().normalize());
        return this;
    }

    @Override
    PublishResult run() {
        BuildOutcome built = Builder.build(spec(), buildOptions());
        if (built.tree().isEmpty()) {
            return PublishResult.stopped(Status.FINDINGS, built.sourceFile(), built.findings(), List.of());
        }
        String repository = repository(built);
        SortedMap<String, String> read = committed(built, Optional.empty());
        OutputTree tree = built.pinnedTo(Releases.pinned(read)).orElseThrow();
        SortedMap<String, String> committed = Reviews.inScope(tree, read);
        List<Flag> refusals = guard().refusals(TreeReview.of(tree, committed, built.production().orElseThrow()));
        if (!refusals.isEmpty()) {
            return PublishResult.stopped(Status.REFUSED, built.sourceFile(), built.findings(), refusals);
        }
        CommitTreeCommand command = GitOps.publish(tree, repository).setBranch(branch(built))
                .setMessage(message.orElse(null)).setWorkFolder(workFolder())
                .setCredentials(credentials().orElse(null)).setAllowInsecureHttp(allowInsecureHttp())
                .setSource(GitOps.readSource(sourceFolder.orElse(spec().getParent())))
                .setProject(built.projectName().orElseThrow());
        CommitTreeResult done = committing(command, null).call();
        return PublishResult.done(done.status() == CommitTreeResult.Status.REJECTED ? Status.REJECTED : Status.CLEAN,
                built.sourceFile(), built.findings(), done);
    }
}
