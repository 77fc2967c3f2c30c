package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;

/**
 * A RoleBinding grants what its role allows inside the namespace: a ClusterRole other than the
 * built-in {@code admin}, {@code edit} and {@code view} (say {@code cluster-admin}) gives more than
 * any tenant may hold, and a {@code system:} subject hands the namespace to anyone
 * ({@code system:unauthenticated}) or to another namespace's workloads. A custom blueprint can
 * render either, so the rule looks at the typed objects; it has no waiver.
 */
final class BoundedRoleBindings implements PolicyRule {

    private static final Set<String> BUILT_IN = Set.of("admin", "edit", "view");

    @Override
    public Code code() {
        return Code.POLICY_ROLE_BINDING;
    }

    @Override
    public List<Violation> check(TypedObject object, Scope scope) {
        if (!object.key().kind().equals("RoleBinding")) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        JsonNode roleRef = object.manifest().path("roleRef");
        String role = roleRef.path("name").asString("");
        if (roleRef.path("kind").asString("").equals("ClusterRole") && !BUILT_IN.contains(role)) {
            problems.add("binds the ClusterRole '" + role + "'");
        }
        for (JsonNode subject : object.manifest().path("subjects")) {
            String name = subject.path("name").asString("");
            if (name.toLowerCase(Locale.ROOT).startsWith("system:")) {
                problems.add("binds the system subject '" + name + "'");
            }
        }
        return problems.isEmpty() ? List.of()
                : List.of(Violation.atItem(object, code().message(object.key(), String.join(" and ", problems))));
    }
}
