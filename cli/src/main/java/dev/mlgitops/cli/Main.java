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
        System.exit(run(commandLine(), args));
    }

    /**
     * Runs {@code commandLine}; running out of memory (a spec too large for the heap) is a failure of
     * the environment: one line and {@link ExitCodes#ENVIRONMENT}, no stack trace.
     */
    static int run(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // what the failed step held is garbage now, so printing has room
            PrintWriter err = commandLine.getErr();
            err.println("mlgitops: " + outOfMemory(e, Runtime.getRuntime().maxMemory()));
            err.flush();
            return ExitCodes.ENVIRONMENT;
        }
    }

    static String outOfMemory(OutOfMemoryError e, long maxHeap) {
        return "out of memory (" + (e.getMessage() == null ? "OutOfMemoryError" : e.getMessage()) + ", at most "
                + maxHeap / (1024 * 1024) + " MB of heap): the spec needs more than this JVM has; give it more,"
                + " e.g. JAVA_TOOL_OPTIONS=-Xmx2g, or split the project into smaller specs";
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
