package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;

/** Pod Security restricted: drop ALL capabilities, add back at most NET_BIND_SERVICE. */
final class DropAllCapabilities extends ContainerRule {

    DropAllCapabilities() {
        super(Code.POLICY_CAPABILITIES);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        JsonNode capabilities = container.security().path("capabilities");
        List<String> problems = new ArrayList<>();
        if (capabilities.path("drop").valueStream().noneMatch(c -> c.asString("").equals("ALL"))) {
            problems.add("does not drop ALL capabilities");
        }
        List<String> added = capabilities.path("add").valueStream().map(c -> c.asString(""))
                .filter(c -> !c.equals("NET_BIND_SERVICE")).toList();
        if (!added.isEmpty()) {
            problems.add("adds " + String.join(", ", added));
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return flag(object, container, String.join(" and ", problems));
    }
}
