package dev.mlgitops.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code publish} refuses unless it is allowed: Argo CD prunes what a tree no longer holds,
 * so a tree that shrinks by mistake deletes running applications. A change is refused when it
 * removes Applications, removes more than {@code maxDeletionsPercent} of the committed objects,
 * or changes the production environment together with others (production should be promoted to
 * on its own). A first publish, into a root that holds nothing yet, is never refused.
 *
 * @param maxDeletionsPercent the share of the committed objects a change may remove, in percent
 * @param allowDeletions allow removing Applications and more than the share of objects
 * @param allowProdWithOthers allow changing production together with other environments
 */
public record DeletionGuard(int maxDeletionsPercent, boolean allowDeletions, boolean allowProdWithOthers) {

    /** What Argo CD syncs from: removing an ApplicationSet removes the Applications it generated, and what they sync. */
    private static final Set<String> SYNCING_KINDS = Set.of("Application", "ApplicationSet");

    public DeletionGuard {
        if (maxDeletionsPercent < 0 || maxDeletionsPercent > 100) {
            throw new IllegalArgumentException("maxDeletionsPercent must be between 0 and 100: " + maxDeletionsPercent);
        }
    }

    /** 10%, nothing allowed. */
    public static DeletionGuard defaults() {
        return new DeletionGuard(10, false, false);
    }

    public DeletionGuard withMaxDeletionsPercent(int percent) {
        return new DeletionGuard(percent, allowDeletions, allowProdWithOthers);
    }

    public DeletionGuard withAllowDeletions(boolean allow) {
        return new DeletionGuard(maxDeletionsPercent, allow, allowProdWithOthers);
    }

    public DeletionGuard withAllowProdWithOthers(boolean allow) {
        return new DeletionGuard(maxDeletionsPercent, allowDeletions, allow);
    }

    /** The guard's flags for the change, allowed or not. */
    public List<Flag> flags(TreeReview review) {
        List<Flag> flags = new ArrayList<>();
        if (review.committedObjectCount() == 0) {
            return flags;
        }
        List<String> applications = review.changes().stream()
                .filter(c -> c.change() == ObjectChange.Change.REMOVED && SYNCING_KINDS.contains(TreeObjects.kind(c.object())))
                .map(ObjectChange::object).toList();
        if (!applications.isEmpty()) {
            flags.add(new Flag(Flag.Kind.APPLICATIONS_REMOVED, "", "removes " + applications.size() + " Argo CD Application"
                    + (applications.size() == 1 ? "" : "s") + " (" + String.join(", ", applications) + "): Argo CD deletes everything they sync"));
        }
        long removed = review.changes().stream().filter(c -> c.change() == ObjectChange.Change.REMOVED).count();
        if (removed * 100 > (long) maxDeletionsPercent * review.committedObjectCount()) {
            flags.add(new Flag(Flag.Kind.TOO_MANY_DELETIONS, "", "removes " + removed + " of " + review.committedObjectCount()
                    + " objects, more than the " + maxDeletionsPercent + "% allowed"));
        }
        Set<String> touched = new TreeSet<>();
        review.changes().stream().map(ObjectChange::environment).filter(e -> !e.equals(TreeObjects.PROJECT)).forEach(touched::add);
        if (touched.contains(review.production()) && touched.size() > 1) {
            Set<String> others = new TreeSet<>(touched);
            others.remove(review.production());
            flags.add(new Flag(Flag.Kind.PROD_WITH_OTHERS, review.production(), "changes production together with "
                    + String.join(", ", others) + ": a change of structure (objects, resources, replicas, policies) reaches"
                    + " every environment, as new images and models do only by promotion; allow it for this change"
                    // the porcelain's option, as both front ends spell it (Options.ALLOW_PROD_WITH_OTHERS)
                    + " (--allow-prod-with-others, -Dmlgitops.allowProdWithOthers=true), or stage it:"
                    + " keep the old values in the later environments with overrides first, then drop the overrides"
                    + " one environment at a time"));
        }
        return flags;
    }

    /** The guard's flags that are not allowed: a publish refuses the change when there is any. */
    public List<Flag> refusals(TreeReview review) {
        return flags(review).stream().filter(flag -> !allowed(flag)).toList();
    }

    public boolean allowed(Flag flag) {
        return switch (flag.kind()) {
            case APPLICATIONS_REMOVED, TOO_MANY_DELETIONS -> allowDeletions;
            case PROD_WITH_OTHERS -> allowProdWithOthers;
            default -> true;
        };
    }
}
