package dev.mlgitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.git.CommitTreeCommand;
import dev.mlgitops.git.CommitTreeResult;
import dev.mlgitops.git.GitOps;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.release.PastRelease;
import dev.mlgitops.release.Promotion;
import dev.mlgitops.release.PromotionResult;
import dev.mlgitops.review.Flag;
import dev.mlgitops.review.TreeReview;

/**
 * Promotes a release from one environment to the next in the GitOps repository, Kargo style: the
 * target takes the release its source pins (by default the environment before it), and accepts
 * only a release that environment has had; or, with {@link #setRelease}, rolls back to a release
 * found in the repository's history. The change is the target's overlay alone (its release.yaml,
 * images and model pins), committed through the same path as {@code publish} (the deletion guard,
 * never forced), on a new branch for a pull request unless one is named. Made by
 * {@link MlGitops#promote}.
 */
public final class PromoteCommand extends CommittingCommand<PromoteCommand, PromoteResult> {

    private final String target;
    private Optional<String> from = Optional.empty();
    private Optional<String> release = Optional.empty();
    private boolean allowSkip;
    private Optional<Path> reviewFile = Optional.empty();

    PromoteCommand(Path spec, String target) {
        super(spec);
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The environment whose pinned release the target takes. Default: the environment before the target. */
    public PromoteCommand setFrom(String environment) {
        this.from = Optional.ofNullable(environment).filter(e -> !e.isBlank());
        return this;
    }

    /** A release id to pin instead, one the target or its source had before (a rollback). Default: none. */
    public PromoteCommand setRelease(String id) {
        this.release = Optional.ofNullable(id).filter(r -> !r.isBlank());
        return this;
    }

    /** Let the release skip the environment before the target; the commit ({@code Skipped:}) and the review ({@code RELEASE_SKIPPED}) say so. Default false. */
    public PromoteCommand setAllowSkip(boolean allow) {
        this.allowSkip = allow;
        return this;
    }

    /** Write the promotion's Markdown review into this file, when it changes something. Default: none. */
    public PromoteCommand setReviewFile(Path file) {
        this.reviewFile = Optional.ofNullable(file).map(f -> f.toAbsolutePath().normalize());
        return this;
    }

    @Override
    PromoteResult run() {
        BuildOutcome built = Builder.build(spec(), buildOptions());
        if (built.tree().isEmpty()) {
            return PromoteResult.stopped(Status.FINDINGS, built.sourceFile(), built.findings(), "");
        }
        List<String> environments = built.project().orElseThrow().environments().stream().map(ResolvedEnvironment::name).toList();
        String root = built.tree().get().root();
        String repository = repository(built);
        SortedMap<String, String> committed = committed(built, Optional.empty());
        List<PastRelease> history = GitOps.readReleases(repository, root, environments).setBranch(branch(built))
                .setWorkFolder(workFolder()).setCredentials(credentials().orElse(null)).setAllowInsecureHttp(allowInsecureHttp())
                .call();
        PromotionResult promotion = Promotion.to(committed, environments, target).setFrom(from.orElse(null))
                .setRelease(release.orElse(null)).setAllowSkip(allowSkip).setHistory(history).call();
        if (!promotion.changed()) {
            Status status = promotion.status() == PromotionResult.Status.UNCHANGED ? Status.CLEAN : Status.REFUSED;
            return PromoteResult.stopped(status, built.sourceFile(), built.findings(), promotion.message());
        }
        OutputTree tree = new OutputTree(root, new TreeMap<>(promotion.files()));
        String id = promotion.release().orElseThrow().id();
        List<Flag> skipped = promotion.skipped().map(environment -> List.of(new Flag(Flag.Kind.RELEASE_SKIPPED, target,
                "release " + id + " skips " + environment + ", which never had it (allowed with --allow-skip)"))).orElse(List.of());
        TreeReview review = TreeReview.of(tree, committed, built.production().orElseThrow(), skipped);
        String markdown = review.markdown("`" + reviewName(built, Optional.empty()) + "`", guard());
        reviewFile.ifPresent(file -> Reviews.write(file, markdown));
        List<Flag> refusals = guard().refusals(review);
        if (!refusals.isEmpty()) {
            return PromoteResult.refused(built.sourceFile(), built.findings(),
                    String.join("; ", refusals.stream().map(Flag::message).toList()), markdown);
        }
        String project = built.projectName().orElseThrow();
        CommitTreeCommand command = GitOps.publish(tree, repository).setBranch(branch(built))
                .setMessage(promotion.subject(project)).setTrailers(promotion.trailers()).setWorkFolder(workFolder())
                .setCredentials(credentials().orElse(null)).setAllowInsecureHttp(allowInsecureHttp())
                .setSource(GitOps.readSource(spec().getParent()))
                .setProject(project);
        CommitTreeResult done = committing(command, "mlgitops/promote-" + target + "-" + id).call();
        return PromoteResult.done(done.status() == CommitTreeResult.Status.REJECTED ? Status.REJECTED : Status.CLEAN,
                built.sourceFile(), built.findings(), promotion.message(), done, markdown);
    }
}
