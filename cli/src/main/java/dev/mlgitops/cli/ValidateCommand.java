package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Generation;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Check the spec and print every finding; writes nothing.")
class ValidateCommand extends SpecCommand {

    /** The whole pipeline up to the function checks, written nowhere: what generate refuses, validate refuses. */
    @Override
    int run(Path file, GenerateOptions options) {
        Generation generation = MlGitops.build(file, options.withProgress(line -> { }));
        int exit = finish(generation.sourceFile(), generation.findings());
        if (exit == ExitCodes.CLEAN) {
            say("mlgitops: " + generation.sourceFile() + " is valid");
            generation.prerequisites().ifPresent(prerequisites -> say("mlgitops: " + prerequisites.summary()));
        }
        return exit;
    }
}
