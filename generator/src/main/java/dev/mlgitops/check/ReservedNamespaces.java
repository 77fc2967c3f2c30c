package dev.mlgitops.check;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Target;

/**
 * An environment owns its namespace: the tenancy stage makes it, with an admins Role and a
 * default-deny NetworkPolicy. In Argo CD's or Kubernetes' own namespaces that would hand a tenant
 * the cluster, and in a namespace the platform denies, another team's; both are refused.
 */
final class ReservedNamespaces {

    /** Kubernetes' and Argo CD's namespaces; any {@code kube-} name is Kubernetes'. */
    static final Set<String> RESERVED = Set.of("argocd", "default", "kube-system", "kube-public", "kube-node-lease");

    private ReservedNamespaces() {
    }

    static void check(ResolvedProject project, List<String> denied, Findings findings) {
        for (ResolvedEnvironment environment : project.environments()) {
            Target target = environment.target().orElseThrow();
            String namespace = target.namespace();
            String why = RESERVED.contains(namespace) || namespace.toLowerCase(Locale.ROOT).startsWith("kube-")
                    ? "is reserved for Kubernetes and Argo CD"
                    : denied.contains(namespace) ? "is denied by the platform (deniedNamespaces)" : null;
            if (why != null) {
                findings.add(project.base().locator().finding(Code.CHECK_RESERVED_NAMESPACE,
                        Pointers.of("environments", target.environment(), "namespace"),
                        Code.CHECK_RESERVED_NAMESPACE.message(namespace, why)));
            }
        }
    }
}
