package dev.mlgitops.policy;

import java.util.List;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.typed.TypedObject;

/**
 * What a rule may look at besides the object: the environment and all its objects (to find the
 * autoscaler or disruption budget of a workload).
 *
 * @param production whether this is the last environment in promotion order
 */
record Scope(ResolvedEnvironment environment, List<TypedObject> objects, boolean production) {
}
