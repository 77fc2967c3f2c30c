package dev.mlgitops.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.mlgitops.Options;
import dev.mlgitops.Output;
import dev.mlgitops.ReviewResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What {@code check} and {@code diff} share: the tree compared with, and the report's form. */
abstract class AbstractCompareMojo extends AbstractGitOpsMojo {

    /**
     * The folder holding the committed tree, as the root of the GitOps repository (e.g. {@code gitops}).
     * <p>Property: "mlgitops.outputDirectory". Default: none, the GitOps repository is read.
     */
    @Parameter(property = Options.OUTPUT_DIRECTORY)
    private File outputDirectory;

    /**
     * The report's form besides the log: {@code text} (the log only), {@code json} (the findings
     * and the drift, into {@code <build directory>/mlgitops/<goal>.json}) or {@code markdown} (the
     * review's summary for a CI step summary, into {@code <build directory>/mlgitops/<goal>-summary.md}).
     * <p>Property: "mlgitops.output". Default: {@code text}.
     */
    @Parameter(property = Options.OUTPUT, defaultValue = Options.OUTPUT_DEFAULT)
    private String output;

    /** The committed tree's folder, or null for the repository. */
    protected final Path outputDirectory() {
        return outputDirectory == null ? null : outputDirectory.toPath();
    }

    /** The report's form; a value that names none fails the build before anything runs. */
    protected final Output output() throws MojoFailureException {
        String value = output == null ? Options.OUTPUT_DEFAULT : output;
        return Output.parse(value).orElseThrow(() -> new MojoFailureException(Output.refusal("-D" + Options.OUTPUT + "=" + output)));
    }

    /** Writes the JSON or Markdown report of the goal into the report folder, as {@link #output()} asks. */
    protected final void writeReport(String goal, Path spec, ReviewResult result) throws MojoFailureException, MojoExecutionException {
        Optional<String> text;
        Path file;
        switch (output()) {
            case JSON -> {
                Path relative = spec.startsWith(basedir()) ? basedir().relativize(spec) : spec.getFileName();
                text = Optional.of(result.driftJson(relative.toString().replace('\\', '/')));
                file = reportDirectory().resolve(goal + ".json");
            }
            case MARKDOWN -> {
                text = result.summaryMarkdown();
                file = reportDirectory().resolve(goal + "-summary.md");
            }
            default -> {
                return;
            }
        }
        if (text.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("writing " + file + ": " + e.getClass().getSimpleName(), e);
        }
        getLog().info("mlgitops: " + (output() == Output.JSON ? "report" : "summary") + " written to " + file);
    }
}
