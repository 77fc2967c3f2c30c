package dev.mlgitops;

/**
 * A failure of the environment (I/O, a broken blueprint folder), never of the user's spec: those
 * are findings. The message names the action and its subject, e.g.
 * "writing overlays/prod/serving/kustomization.yaml: disk full".
 */
public class MlGitopsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MlGitopsException(String message, Throwable cause) {
        super(message, cause);
    }

    public MlGitopsException(String message) {
        super(message);
    }
}
