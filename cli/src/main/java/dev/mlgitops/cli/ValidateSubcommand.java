package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.ValidateResult;
import picocli.CommandLine.Command;

@Command(name = "validate", description = {"Check the spec through the whole pipeline (schema, references, rendering, types,",
    "policy, function) and print every finding and the prerequisites; refuses what generate refuses.",
    "Writes nothing."})
class ValidateSubcommand extends SpecSubcommand {

    @Override
    int run(Path file) {
        // as before, validate prints its findings only: no progress lines
        ValidateResult result = configure(MlGitops.validate(file)).setProgress(line -> { }).call();
        int exit = finish(result);
        if (exit == ExitCodes.CLEAN) {
            say("mlgitops: " + result.sourceFile() + " is valid");
            result.prerequisitesSummary().ifPresent(prerequisites -> say("mlgitops: " + prerequisites));
        }
        return exit;
    }
}
