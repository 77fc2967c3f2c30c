package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/**
 * {@code model.format} names a KServe serving runtime; engine vllm reads the format from the
 * model's own files, so a format there would say something that nothing reads.
 */
final class ModelFormatNeedsKserve implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, model) -> {
            if ("vllm".equals(model.engine()) && model.model() != null && model.model().format() != null) {
                findings.add(environment.locator().finding(Code.CHECK_MODEL_FORMAT,
                        Pointers.of("serving", name, "model", "format"),
                        Code.CHECK_MODEL_FORMAT.message(name, model.model().format(), model.engine())));
            }
        });
    }
}
