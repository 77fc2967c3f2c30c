package dev.mlgitops.check;

import java.util.Locale;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.model.BranchNames;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/**
 * The folder and revision of the GitOps repository are used as a path in a work clone and as a
 * Git ref: a {@code .git} segment would write into the clone's own Git folder, a backslash or a
 * control character means another path on another system, and a ref that breaks
 * {@code git check-ref-format} fails only at publish time. Both are checked here, with limits.
 */
final class GitOpsTarget implements MeaningRule {

    /** Far more than any real folder; Argo CD and Git take longer, a message does not. */
    static final int MAX_PATH = 200;

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec.GitOps gitops = environment.spec().gitops();
        if (gitops == null) {
            return;
        }
        pathProblem(gitops.path()).ifPresent(problem -> findings.add(environment.locator().finding(
                Code.CHECK_GITOPS_PATH, Pointers.of("gitops", "path"), Code.CHECK_GITOPS_PATH.message(gitops.path(), problem))));
        refProblem(gitops.targetRevision()).ifPresent(problem -> findings.add(environment.locator().finding(
                Code.CHECK_REF_NAME, Pointers.of("gitops", "targetRevision"),
                Code.CHECK_REF_NAME.message(gitops.targetRevision(), problem))));
    }

    static Optional<String> pathProblem(String path) {
        Optional<String> tooLong = path == null ? Optional.empty() : tooLong(path, MAX_PATH).map(problem -> "has " + problem);
        if (path == null || tooLong.isPresent()) {
            return tooLong;
        }
        if (path.codePoints().anyMatch(c -> Shown.isControl(c) || Shown.isBidiControl(c))) {
            return Optional.of("holds a control character");
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("holds a backslash: separate folders with '/'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
                return Optional.of("has a '.git' segment, Git's own folder in a clone");
            }
        }
        return Optional.empty();
    }

    /** Why {@code name} is not a branch or tag name by git's check-ref-format rules; empty when it is. */
    static Optional<String> refProblem(String name) {
        return BranchNames.problem(name);
    }

    private static Optional<String> tooLong(String value, int max) {
        int length = value.codePointCount(0, value.length());
        return length > max ? Optional.of(length + " characters, more than the limit of " + max) : Optional.empty();
    }
}
