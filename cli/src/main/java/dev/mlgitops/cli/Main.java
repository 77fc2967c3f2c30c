package dev.mlgitops.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** {@code java -jar mlgitops-cli.jar <command> [mlproject.yaml] [options]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // JGit logs through SLF4J; without a binding SLF4J warns on every run, which is noise here
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with its exit codes: 0 clean, 1 findings, 2 usage, 3 a broken environment. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MlGitopsCommand());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            // an environment failure (I/O, Git) says what it was doing; no stack trace
            PrintWriter err = line.getErr();
            err.println("mlgitops: " + exception.getMessage());
            err.flush();
            return ExitCodes.ENVIRONMENT;
        });
        return commandLine;
    }

    /** For tests: the same command line writing to the given writers. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine().setOut(out).setErr(err);
    }
}
