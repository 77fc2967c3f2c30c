package dev.mlgitops;

import java.nio.file.Path;

import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;

/**
 * Runs the whole pipeline (load, schema, resolve, meaning, render, type, policy, function, lay out) and
 * writes nothing: whatever {@code generate} refuses, {@code validate} refuses with the same
 * findings. Made by {@link MlGitops#validate}.
 */
public final class ValidateCommand extends SpecCommand<ValidateCommand, ValidateResult> {

    ValidateCommand(Path spec) {
        super(spec);
    }

    @Override
    ValidateResult run() {
        BuildOutcome built = Builder.build(spec(), buildOptions());
        return new ValidateResult(built.passed() ? Status.CLEAN : Status.FINDINGS, built.sourceFile(), built.findings(),
                built.prerequisites());
    }
}
