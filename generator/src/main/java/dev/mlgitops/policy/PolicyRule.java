package dev.mlgitops.policy;

import java.util.List;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/** One policy rule over one typed object of one environment; its code names it in findings and waivers. */
interface PolicyRule {

    Code code();

    List<Violation> check(TypedObject object, Scope scope);

    /** A rule of the last environment in promotion order only; its findings name that environment. */
    default boolean productionOnly() {
        return false;
    }

    /**
     * What a rule found: the message, and the JSON pointer into {@code spec} of the value to change
     * ({@code /serving/scorer/replicas/min}, {@code /images/trainer}), or of the item that made the object.
     */
    record Violation(String pointer, String message) {

        static Violation atItem(TypedObject object, String message) {
            return new Violation(object.source(), message);
        }
    }
}
