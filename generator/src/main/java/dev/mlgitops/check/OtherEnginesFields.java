package dev.mlgitops.check;

import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.EngineRecords;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ServingFields;
import dev.mlgitops.model.TrainingFields;

/**
 * A field of another engine on an item has no effect: the schema admits every engine's fields on
 * every item (so a switch of engine keeps the file valid), and the item's engine reads only its
 * own record. A canary is an error (the user asked for a traffic split nothing performs); any
 * other such field a warning, so an {@code env} or {@code image} written for one engine is not
 * silently dropped under another.
 */
final class OtherEnginesFields implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, model) -> {
            for (String field : model.unread()) {
                if (field.equals("canary")) {
                    findings.add(environment.locator().finding(Code.CHECK_CANARY_ENGINE, Pointers.of("serving", name, field),
                            Code.CHECK_CANARY_ENGINE.message(name, model.engine())));
                } else {
                    report(environment, findings, "serving", name, model.engine(), field, ServingFields.OF_ENGINE);
                }
            }
        });
        environment.spec().training().forEach((name, job) -> job.unread().forEach(field ->
                report(environment, findings, "training", name, job.engine(), field, TrainingFields.OF_ENGINE)));
    }

    private static void report(ResolvedEnvironment environment, Findings findings, String stage, String name, String engine,
                               String field, Map<String, ? extends Class<?>> records) {
        findings.add(environment.locator().finding(Code.CHECK_FIELD_OF_OTHER_ENGINE, Pointers.of(stage, name, field),
                Code.CHECK_FIELD_OF_OTHER_ENGINE.message(field, name, engine,
                        String.join(" or ", EngineRecords.readers(field, records)))));
    }
}
