package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Validation;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Check the spec and print every finding; writes nothing.")
class ValidateCommand extends SpecCommand {

    @Override
    int run(Path file, GenerateOptions options) {
        Validation validation = MlGitops.validate(file, options);
        int exit = finish(validation.sourceFile(), validation.findings());
        if (exit == ExitCodes.CLEAN) {
            say("mlgitops: " + validation.sourceFile() + " is valid");
        }
        return exit;
    }
}
