package dev.mlgitops.policy;

import java.util.List;

import dev.mlgitops.finding.Code;
import dev.mlgitops.model.Stage;
import dev.mlgitops.typed.TypedObject;

/**
 * A rule for the objects of production (the last environment in promotion order) whose engine
 * declares production facts: a served model's, the model registry's ({@link Scope#productionFacts}).
 * Named for where it began; the engines' facts, not the stage, decide what it checks.
 */
abstract class ProductionServingRule implements PolicyRule {

    private final Code code;

    ProductionServingRule(Code code) {
        this.code = code;
    }

    @Override
    public final Code code() {
        return code;
    }

    @Override
    public final boolean productionOnly() {
        return true;
    }

    @Override
    public final List<Violation> check(TypedObject object, Scope scope) {
        return object.stage() == Stage.SERVING || object.stage() == Stage.MODEL_REGISTRY
                ? checkServing(object, scope) : List.of();
    }

    abstract List<Violation> checkServing(TypedObject object, Scope scope);
}
