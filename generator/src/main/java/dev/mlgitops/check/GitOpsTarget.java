package dev.mlgitops.check;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Shown;
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

    /** Git's own limit on a ref's name is the file system's, 255 bytes for one file name. */
    static final int MAX_REF = 200;

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
        if (path == null) {
            return Optional.empty();
        }
        int length = path.codePointCount(0, path.length());
        if (length > MAX_PATH) {
            return Optional.of("has " + length + " characters, more than the limit of " + MAX_PATH);
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
        if (name == null) {
            return Optional.empty();
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_REF) {
            return Optional.of("it has " + length + " characters, more than the limit of " + MAX_REF);
        }
        if (name.equals("HEAD") || Repository.isValidRefName("refs/heads/" + name)) {
            return Optional.empty();
        }
        return Optional.of("git check-ref-format refuses control characters, spaces, '..', '~', '^', ':', '?', '*', "
                + "'[', '\\', '@{', a '/' or '.' at either end, '//' and a '.lock' ending");
    }
}
