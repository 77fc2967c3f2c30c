package dev.mlgitops.review;

/**
 * One object that a change adds, changes or removes in one environment's stage.
 *
 * @param environment the environment, or {@link TreeObjects#PROJECT} for the AppProject
 * @param stage the stage, or {@link TreeObjects#ARGOCD} for the environment's Applications
 * @param object {@code Kind namespace/name}, or {@code Kind name} for a cluster-scoped object
 */
public record ObjectChange(String environment, String stage, String object, Change change) {

    public enum Change {
        ADDED, CHANGED, REMOVED
    }
}
