package dev.mlgitops.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.mlgitops.ApplicationsIn;
import dev.mlgitops.FailOn;
import dev.mlgitops.FindingLine;
import dev.mlgitops.Options;
import dev.mlgitops.Result;
import dev.mlgitops.SpecCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every subcommand over a spec shares: the spec, the options every goal of the Maven plugin
 * has, and how a result is printed (findings as text on stderr, or JSON on stdout) and turned
 * into the exit code. A subcommand maps its options onto one porcelain command and prints its
 * result; it calls nothing else.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
abstract class SpecSubcommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC",
            description = "The mlproject.yaml to read, as --spec (default: " + Options.SPEC_DEFAULT + " in the current folder).")
    Path specArgument;

    @Option(names = Options.SPEC_FLAG, paramLabel = "FILE", defaultValue = Options.SPEC_DEFAULT,
            description = "The mlproject.yaml to read. Default: ${DEFAULT-VALUE} in the current folder.")
    Path specOption;

    @Option(names = Options.BLUEPRINTS_FLAG, paramLabel = "FOLDER",
            description = "Templates that replace the built-in blueprints of the same relative path.")
    Path blueprints;

    @Option(names = Options.ENVIRONMENTS_FLAG, split = ",", paramLabel = "ENV",
            description = "Only these environments (a comma list); the others' files are left as they are.")
    List<String> environments = new ArrayList<>();

    @Option(names = Options.DENIED_NAMESPACES_FLAG, split = ",", paramLabel = "NAMESPACE",
            description = "Namespaces of the platform no environment may deploy to (a comma list), beside the reserved"
                    + " argocd, default and kube-*.")
    List<String> deniedNamespaces = new ArrayList<>();

    @Option(names = Options.FAIL_ON_FLAG, paramLabel = "SEVERITY", defaultValue = Options.FAIL_ON_DEFAULT,
            description = "The least severity that fails the run: error or warning. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = Options.APPLICATIONS_IN_FLAG, paramLabel = "WHERE", defaultValue = Options.APPLICATIONS_IN_DEFAULT,
            description = "Where the Argo CD Applications live: team-namespaces (held to the project by Argo CD; needs"
                    + " applications in any namespace) or argocd-namespace. Default: ${DEFAULT-VALUE}. See docs/trust-model.md.")
    String applicationsIn;

    @Option(names = Options.OUTPUT_FLAG, paramLabel = "FORMAT", defaultValue = Options.OUTPUT_DEFAULT,
            description = "text (findings on stderr) or json (findings as JSON on stdout); check and diff: also markdown"
                    + " (the review's summary on stdout, for a CI step summary). Default: ${DEFAULT-VALUE}.")
    Format output;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only.")
    boolean quiet;

    private FailOn severity = FailOn.ERROR;
    private ApplicationsIn where = ApplicationsIn.TEAM_NAMESPACES;

    @Override
    public final Integer call() {
        Path file = given().toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            return usage("No spec file at " + file + ": create one with 'mlgitops init' or name yours as the argument");
        }
        if (blueprints != null && !Files.isDirectory(blueprints)) {
            return usage("The blueprints folder " + blueprints.toAbsolutePath().normalize()
                    + " does not exist: create it or drop " + Options.BLUEPRINTS_FLAG);
        }
        Optional<FailOn> parsed = FailOn.parse(failOn);
        if (parsed.isEmpty()) {
            return usage(FailOn.refusal(Options.FAIL_ON_FLAG + " " + failOn));
        }
        severity = parsed.get();
        Optional<ApplicationsIn> place = ApplicationsIn.parse(applicationsIn);
        if (place.isEmpty()) {
            return usage(ApplicationsIn.refusal(Options.APPLICATIONS_IN_FLAG + " " + applicationsIn));
        }
        where = place.get();
        if (output == Format.markdown && !(this instanceof CompareSubcommand)) {
            return usage(Options.OUTPUT_FLAG + " markdown is for check and diff: use text or json");
        }
        try {
            return run(file);
        } catch (IllegalArgumentException e) {
            // an option the porcelain refuses (a branch git would refuse, say): a usage mistake
            return usage(e.getMessage());
        }
    }

    /** A mistake on the command line that the whole usage text would only bury. */
    final int usage(String message) {
        err().println("mlgitops: " + message);
        err().flush();
        return ExitCodes.USAGE;
    }

    /** The subcommand's one porcelain call; print its result and return the exit code. */
    abstract int run(Path file);

    /** The options every subcommand over a spec maps onto its command; progress goes to stderr unless quiet or JSON. */
    final <C extends SpecCommand<C, R>, R extends Result> C configure(C command) {
        command.setEnvironments(environments).setFailOn(severity).setDeniedNamespaces(deniedNamespaces).setApplicationsIn(where).setProgress(quiet || json() ? line -> { } : this::progress);
        if (blueprints != null) {
            command.setBlueprints(blueprints.toAbsolutePath().normalize());
        }
        return command;
    }

    /** Prints the findings (JSON on stdout, or text on stderr) and returns the exit code of the result's status. */
    final int finish(Result result) {
        if (json()) {
            out().print(findingsJson(result));
            out().flush();
        } else {
            report(result);
        }
        return exitCode(result);
    }

    /**
     * Prints the findings as text on stderr, errors always and warnings unless quiet, with a
     * summary when they stopped the run; a subcommand printing its own JSON skips this.
     */
    final void report(Result result) {
        if (json()) {
            return;
        }
        for (FindingLine finding : result.findings()) {
            if (finding.error() || !quiet) {
                err().println(finding.text());
            }
        }
        if (result.errorCount() > 0) {
            err().println(result.errorSummary());
        } else if (result.stoppedByFindings()) {
            err().println(result.warningSummary() + " and " + Options.FAIL_ON_FLAG + " is warning");
        }
        err().flush();
    }

    static int exitCode(Result result) {
        return result.passed() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }

    /** The findings as the JSON report, the spec named as it was given. */
    final String findingsJson(Result result) {
        return result.findingsJson(specUri());
    }

    /** The spec as it was given, with forward slashes: how the JSON reports name it. */
    final String specUri() {
        return given().toString().replace('\\', '/');
    }

    private Path given() {
        return specArgument != null ? specArgument : specOption;
    }

    final boolean json() {
        return output == Format.json;
    }

    /** A line for a person: on stdout, unless quiet or stdout holds a report (JSON, Markdown). */
    final void say(String line) {
        if (!quiet && output == Format.text) {
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
}
