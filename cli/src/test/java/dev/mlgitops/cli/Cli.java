package dev.mlgitops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the tool's command line in-process, as {@code main} would, keeping what it printed. */
final class Cli {

    /** The reference spec of the repository, kept byte-equal to the shared one by the e2e tests. */
    static final Path REFERENCE = Path.of("../example-repo/mlproject.yaml").toAbsolutePath().normalize();

    record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Main.commandLineFor(new PrintWriter(out), new PrintWriter(err), args), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
