package dev.mlgitops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top command: it only groups the subcommands, which {@link Main} adds (all of them, or only
 * the one a command line asks for, so a cold start reflects over one subcommand's options).
 */
@Command(name = "mlgitops", mixinStandardHelpOptions = true, version = "mlgitops 0.1.0-SNAPSHOT",
        description = "Turns mlproject.yaml into a checked kustomize and Argo CD tree for a GitOps repository.",
        footer = {"", "Exit codes: 0 clean, 1 findings (errors, a stale tree, a refused or rejected publish), 2 usage,"
            + " 3 I/O or Git failure."})
class MlGitopsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: validate, generate, diff, check, publish, promote or init");
    }
}
