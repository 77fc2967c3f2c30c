package dev.mlgitops.policy;

import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.typed.TypedObject;

/**
 * Security and reliability rules over the typed objects of every environment, close to
 * kube-linter's defaults and Pod Security restricted. A finding points at the spec item that made
 * the object (or at the override that changed it); the same finding in several environments is
 * reported once. A rule the item waives ({@code waivers: {MLG-POLICY-...: reason}}) stays silent
 * for that item's objects.
 */
public final class PolicyChecker {

    static final List<PolicyRule> RULES = List.of(
            new NoLatestTag(),
            new RequireResources(),
            new RequireProbes(),
            new RunAsNonRoot(),
            new NoPrivilegeEscalation(),
            new NoPrivileged(),
            new NoHostAccess(),
            new ReadOnlyRootFilesystem(),
            new DropAllCapabilities(),
            new SeccompRuntimeDefault(),
            new ReplicasInProduction(),
            new DisruptionBudget(),
            new NoPlainSecretEnv(),
            new BoundedRoleBindings());

    /**
     * @param environments each environment's typed objects by name, in promotion order; the last
     *                     environment is production
     */
    public void check(ResolvedProject project, Map<String, List<TypedObject>> environments, Findings findings) {
        List<ResolvedEnvironment> all = project.environments();
        PodIndex pods = new PodIndex();
        for (int i = 0; i < all.size(); i++) {
            ResolvedEnvironment environment = all.get(i);
            Scope scope = Scope.of(environment, environments.getOrDefault(environment.name(), List.of()),
                    i == all.size() - 1, pods);
            for (TypedObject object : scope.objects()) {
                check(object, scope, findings);
            }
        }
    }

    private static void check(TypedObject object, Scope scope, Findings findings) {
        Map<String, String> waivers = SpecItems.waivers(scope.environment().spec(), object.source());
        for (PolicyRule rule : RULES) {
            if (rule.code().waivable() && waivers.containsKey(rule.code().id())
                    || rule.productionOnly() && !scope.production()) {
                continue;
            }
            for (PolicyRule.Violation violation : rule.check(object, scope)) {
                Finding finding = scope.environment().locator().finding(rule.code(), violation.pointer(), violation.message());
                findings.add(rule.productionOnly() ? named(finding, scope.environment().name()) : finding);
            }
        }
    }

    /** A finding of production only names the environment, unless the locator did already (an override's). */
    private static Finding named(Finding finding, String environment) {
        String prefix = "environment '" + environment + "': ";
        if (finding.message().startsWith(prefix)) {
            return finding;
        }
        return new Finding(finding.code(), finding.severity(), finding.jsonPath(), finding.position(),
                prefix + finding.message());
    }
}
