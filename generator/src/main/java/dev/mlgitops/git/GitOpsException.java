package dev.mlgitops.git;

import dev.mlgitops.MlGitopsException;

/**
 * Git or the network failed while publishing: the remote was unreachable, refused the
 * credentials, or the work folder could not be used. The message names the action and the
 * repository, e.g. "pushing branch main to https://git.example.com/platform/ml-gitops.git: not
 * authorized"; it never holds credentials (user information is stripped from every URL).
 * An expected outcome, such as nothing to commit or a push still rejected after the retries, is
 * a {@link CommitTreeResult}, never this exception.
 */
public class GitOpsException extends MlGitopsException {

    private static final long serialVersionUID = 1L;

    public GitOpsException(String message, Throwable cause) {
        super(message, cause);
    }

    public GitOpsException(String message) {
        super(message);
    }
}
