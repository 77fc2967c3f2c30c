package dev.mlgitops.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;

/** {@code java -jar mlgitops-cli.jar <command> [mlproject.yaml] [options]}. */
public final class Main {

    /**
     * The subcommands' names, in the order the usage lists them; each is made (and picocli reflects
     * over its options) only when a command line needs it.
     */
    static final List<String> SUBCOMMANDS = List.of("validate", "generate", "diff", "check", "publish", "promote", "init");

    private Main() {
    }

    public static void main(String[] args) {
        // JGit logs through SLF4J; without a binding SLF4J warns on every run, which is noise here
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(commandLineFor(args), args));
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

    /**
     * The command line that runs {@code args}: when they start with a subcommand's name, the top
     * command with only that subcommand (the same usage text, options and exit codes as in the
     * whole command line; the others are not built), otherwise the whole command line.
     */
    static CommandLine commandLineFor(String... args) {
        if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
            return commandLine(List.of(args[0]));
        }
        return commandLine();
    }

    /** The command line with its exit codes: 0 clean, 1 findings, 2 usage, 3 a broken environment. */
    static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    private static CommandLine commandLine(List<String> subcommands) {
        CommandLine commandLine = new CommandLine(new MlGitopsCommand());
        for (String name : subcommands) {
            commandLine.addSubcommand(name, subcommand(name));
        }
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            // an environment failure (I/O, Git) says what it was doing; no stack trace
            PrintWriter err = line.getErr();
            err.println("mlgitops: " + exception.getMessage());
            err.flush();
            return ExitCodes.ENVIRONMENT;
        });
        return commandLine;
    }

    /** For tests: the command line that {@code main} runs {@code args} with, writing to the given writers. */
    static CommandLine commandLineFor(PrintWriter out, PrintWriter err, String... args) {
        return commandLineFor(args).setOut(out).setErr(err);
    }

    private static Object subcommand(String name) {
        return switch (name) {
            case "validate" -> new ValidateSubcommand();
            case "generate" -> new GenerateSubcommand();
            case "diff" -> new DiffSubcommand();
            case "check" -> new CheckSubcommand();
            case "publish" -> new PublishSubcommand();
            case "promote" -> new PromoteSubcommand();
            case "init" -> new InitSubcommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }
}
