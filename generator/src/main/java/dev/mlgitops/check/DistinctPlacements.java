package dev.mlgitops.check;

import java.util.HashMap;
import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Target;

/**
 * Two environments in one namespace of one cluster would fight over the same objects. Argo CD's
 * {@code in-cluster} is the same cluster as {@code https://kubernetes.default.svc}.
 */
final class DistinctPlacements {

    private static final String IN_CLUSTER_URL = "https://kubernetes.default.svc";

    private DistinctPlacements() {
    }

    static void check(ResolvedProject project, Findings findings) {
        Map<String, Target> seen = new HashMap<>();
        for (ResolvedEnvironment environment : project.environments()) {
            Target target = environment.target().orElseThrow();
            String place = cluster(target.cluster()) + "|" + target.namespace();
            Target earlier = seen.putIfAbsent(place, target);
            if (earlier != null) {
                findings.add(project.base().locator().finding(Code.CHECK_SAME_PLACEMENT,
                        Pointers.of("environments", target.environment(), "namespace"),
                        Code.CHECK_SAME_PLACEMENT.message(earlier.environment(), target.environment(),
                                target.namespace(), target.cluster())));
            }
        }
    }

    private static String cluster(String cluster) {
        String trimmed = cluster.endsWith("/") ? cluster.substring(0, cluster.length() - 1) : cluster;
        return "in-cluster".equals(trimmed) ? IN_CLUSTER_URL : trimmed;
    }
}
