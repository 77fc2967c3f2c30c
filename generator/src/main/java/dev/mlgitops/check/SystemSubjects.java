package dev.mlgitops.check;

import java.util.List;
import java.util.Locale;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/**
 * Names under {@code system:} are Kubernetes' own identities: {@code system:unauthenticated} is
 * anyone, {@code system:masters} bypasses RBAC, {@code system:serviceaccount:<ns>:<name>} is a
 * workload of another namespace. A project grants its namespace to people, never to these.
 */
final class SystemSubjects implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec.Tenancy tenancy = environment.spec().tenancy();
        if (tenancy == null || tenancy.access() == null) {
            return;
        }
        check(tenancy.access().admins(), "admins", environment, findings);
        check(tenancy.access().editors(), "editors", environment, findings);
        check(tenancy.access().viewers(), "viewers", environment, findings);
    }

    private static void check(List<String> subjects, String role, ResolvedEnvironment environment, Findings findings) {
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            String name = subject.substring(subject.indexOf(':') + 1);
            if (name.toLowerCase(Locale.ROOT).startsWith("system:")) {
                findings.add(environment.locator().finding(Code.CHECK_SYSTEM_SUBJECT,
                        Pointers.of("tenancy", "access", role, String.valueOf(i)),
                        Code.CHECK_SYSTEM_SUBJECT.message(subject)));
            }
        }
    }
}
