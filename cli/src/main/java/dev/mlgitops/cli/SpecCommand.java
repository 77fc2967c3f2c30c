package dev.mlgitops.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Shown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every command over a spec shares: the spec argument, the plugin's options, and how
 * findings are printed (text on stderr, or JSON on stdout) and turned into the exit code.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
abstract class SpecCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", defaultValue = "mlproject.yaml",
            description = "The mlproject.yaml to read (default: ${DEFAULT-VALUE} in the current folder).")
    Path specFile;

    @Option(names = "--blueprints", paramLabel = "FOLDER",
            description = "Templates that replace the built-in blueprints of the same relative path.")
    Path blueprints;

    @Option(names = "--environments", split = ",", paramLabel = "ENV",
            description = "Only these environments (a comma list); the others' files are left as they are.")
    List<String> environments = new ArrayList<>();

    @Option(names = "--denied-namespaces", split = ",", paramLabel = "NAMESPACE",
            description = "Namespaces of the platform no environment may deploy to (a comma list), beside the reserved"
                    + " argocd, default and kube-*.")
    List<String> deniedNamespaces = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (findings on stderr) or json (findings as JSON on stdout). Default: ${DEFAULT-VALUE}.")
    Format output;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only.")
    boolean quiet;

    @Override
    public final Integer call() {
        Path file = specFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            return usage("No spec file at " + file + ": create one with 'mlgitops init' or name yours as the argument");
        }
        if (blueprints != null && !Files.isDirectory(blueprints)) {
            return usage("The blueprints folder " + blueprints.toAbsolutePath().normalize()
                    + " does not exist: create it or drop --blueprints");
        }
        GenerateOptions options = GenerateOptions.defaults().withEnvironments(environments)
                .withDeniedNamespaces(deniedNamespaces)
                .withProgress(quiet || json() ? line -> { } : this::progress);
        if (blueprints != null) {
            options = options.withBlueprints(blueprints.toAbsolutePath().normalize());
        }
        return run(file, options);
    }

    /** A mistake on the command line that the whole usage text would only bury. */
    private int usage(String message) {
        err().println("mlgitops: " + message);
        err().flush();
        return ExitCodes.USAGE;
    }

    /** The command's work; {@link #report} the findings and return an exit code. */
    abstract int run(Path file, GenerateOptions options);

    /**
     * Prints the findings: as the JSON report on stdout, or each on stderr in the one-line format
     * (warnings unless quiet). The exit code: {@link ExitCodes#FINDINGS} on errors.
     */
    final int finish(String sourceFile, Findings findings) {
        if (json()) {
            out().print(findingsJson(findings));
            out().flush();
            return findings.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
        }
        return report(sourceFile, findings) ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    /** Prints the findings as text on stderr (a command printing its own JSON skips this) and says whether there were errors. */
    final boolean report(String sourceFile, Findings findings) {
        if (json()) {
            return findings.hasErrors();
        }
        for (Finding finding : findings.sorted()) {
            if (finding.isError() || !quiet) {
                err().println(finding.format(sourceFile));
            }
        }
        if (findings.hasErrors()) {
            err().println(Shown.escaped(sourceFile) + " has " + count(findings.errorCount(), "error"));
        }
        err().flush();
        return findings.hasErrors();
    }

    /** The findings as the JSON report, the spec named as it was given. */
    final String findingsJson(Findings findings) {
        return MlGitops.reports(specFile.toString().replace('\\', '/'), findings).json();
    }

    final boolean json() {
        return output == Format.json;
    }

    /** A line for a person: on stdout, unless quiet or JSON. */
    final void say(String line) {
        if (!quiet && !json()) {
            out().println(line);
            out().flush();
        }
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private void progress(String line) {
        err().println(line);
        err().flush();
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
