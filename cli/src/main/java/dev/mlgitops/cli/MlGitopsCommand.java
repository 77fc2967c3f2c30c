package dev.mlgitops.cli;

import picocli.CommandLine.Command;

/** The top command: it only groups the subcommands. */
@Command(name = "mlgitops", mixinStandardHelpOptions = true, version = "mlgitops 0.1.0-SNAPSHOT",
        description = "Turns mlproject.yaml into a checked kustomize and Argo CD tree for a GitOps repository.",
        subcommands = {ValidateCommand.class, GenerateCommand.class, DiffCommand.class, CheckCommand.class,
            PublishSubcommand.class, InitCommand.class},
        footer = {"", "Exit codes: 0 clean, 1 findings (errors, a stale tree, a rejected push), 2 usage, 3 I/O or Git failure."})
class MlGitopsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command: validate, generate, diff, check, publish or init");
    }
}
