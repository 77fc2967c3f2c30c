package dev.mlgitops.render;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the production rules need to know of one engine's objects (a serving engine's, the model
 * registry's).
 *
 * @param budgeted the kinds of its workloads that need a PodDisruptionBudget made from the same spec item
 * @param replicas where its objects keep their least replica count
 */
public record ProductionFacts(Set<String> budgeted, List<ReplicaCount> replicas) {

    /** Objects the production rules do not concern. */
    public static final ProductionFacts NONE = new ProductionFacts(Set.of(), List.of());

    public ProductionFacts {
        budgeted = Set.copyOf(budgeted);
        replicas = List.copyOf(replicas);
    }

    /** Where the least replica count of objects of one kind lives. */
    public Optional<ReplicaCount> replicasOf(String kind) {
        return replicas.stream().filter(count -> count.kind().equals(kind)).findFirst();
    }

    /**
     * The least replica count of objects of {@code kind} is at {@code pointer} (a JSON pointer
     * into the object; absent means the API's default, 1).
     *
     * @param unlessAutoscaled the count does not hold when an autoscaler of the same environment
     *                         scales the object (it owns the count then)
     */
    public record ReplicaCount(String kind, String pointer, boolean unlessAutoscaled) {}
}
