package dev.mlgitops.check;

import java.util.HashMap;
import java.util.List;
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
            for (String cluster : clusters(target)) {
                String place = cluster(cluster) + "|" + target.namespace();
                Target earlier = seen.putIfAbsent(place, target);
                if (earlier != null && earlier != target) {
                    findings.add(project.base().locator().finding(Code.CHECK_SAME_PLACEMENT,
                            Pointers.of("environments", target.environment(), "namespace"),
                            Code.CHECK_SAME_PLACEMENT.message(earlier.environment(), target.environment(),
                                    target.namespace(), cluster)));
                }
            }
        }
    }

    /**
     * The clusters an environment names: its one cluster, or each listed cluster of its fleet by
     * server (or name); a selector's clusters are known only to Argo CD.
     */
    private static List<String> clusters(Target target) {
        if (target.fleetOf().isPresent()) {
            return target.fleet().members().stream()
                    .map(member -> member.server() == null ? member.name() : member.server()).toList();
        }
        return target.cluster() == null ? List.of() : List.of(target.cluster());
    }

    private static String cluster(String cluster) {
        String trimmed = cluster.endsWith("/") ? cluster.substring(0, cluster.length() - 1) : cluster;
        return "in-cluster".equals(trimmed) ? IN_CLUSTER_URL : trimmed;
    }
}
