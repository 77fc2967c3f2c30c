package dev.mlgitops.review;

/**
 * Something in a change that a reviewer must not miss. The guard's kinds also make
 * {@code publish} refuse the change unless it is allowed.
 *
 * @param environment the environment it concerns, empty when it concerns the whole change
 */
public record Flag(Kind kind, String environment, String message) {

    public enum Kind {
        PROD_REPLICAS_LOWERED(false),
        PDB_REMOVED(false),
        NETWORK_POLICY_REMOVED(false),
        IMAGE_CHANGED(false),
        PROD_SYNC_AUTOMATED(false),
        /** A tenant's fence changes (quota, limits, Pod Security labels, NetworkPolicies, RBAC, the AppProject): a platform reviewer approves. */
        TENANCY_CHANGED(false),
        /** A promotion let a release skip the environment before the target ({@code --allow-skip}). */
        RELEASE_SKIPPED(false),
        /** Guard: Argo CD would delete whole applications. */
        APPLICATIONS_REMOVED(true),
        /** Guard: more than the allowed share of objects goes. */
        TOO_MANY_DELETIONS(true),
        /** Guard: production changes in the same change as other environments. */
        PROD_WITH_OTHERS(true);

        private final boolean guard;

        Kind(boolean guard) {
            this.guard = guard;
        }

        public boolean guard() {
            return guard;
        }
    }

    /** {@code [KIND] environment: message}. */
    public String line() {
        return "[" + kind + "] " + (environment.isEmpty() ? "" : environment + ": ") + message;
    }
}
