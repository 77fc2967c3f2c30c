package dev.mlgitops.check;

import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Target;

/**
 * The namespaces of {@code spec.cluster} are the cluster's components', which the models'
 * NetworkPolicies let in by namespace. One that is the environment's own namespace would let
 * every pod of the project in where only the ingress controller, the gateways or Prometheus
 * should come, and the project's admins would own the platform's component: refused.
 */
final class ClusterNamespaces implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        String own = environment.target().map(Target::namespace).orElse(null);
        if (own == null) {
            return;
        }
        Spec.Cluster cluster = environment.spec().cluster();
        Map<String, String> namespaces = Map.of(
                "/cluster/ingress/namespace", cluster.ingress().namespace(),
                "/cluster/knative/namespace", cluster.knative().namespace(),
                "/cluster/monitoring/namespace", cluster.monitoring().namespace());
        namespaces.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (entry.getValue().equals(own)) {
                findings.add(environment.locator().finding(Code.CHECK_CLUSTER_NAMESPACE, entry.getKey(),
                        Code.CHECK_CLUSTER_NAMESPACE.message(entry.getValue(), environment.name())));
            }
        });
    }
}
