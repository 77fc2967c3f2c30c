package dev.mlgitops.cli;

import java.nio.file.Path;
import java.time.Duration;

import dev.mlgitops.GenerateResult;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Validate, then write the tree to <output-directory>/<spec.gitops.path>; on errors write nothing.")
class GenerateSubcommand extends SpecSubcommand {

    /** Where an incremental run keeps its stamp, beside the default output folder. */
    private static final Path STAMP = Path.of("target", "mlgitops-stamps", "generate-cli.json");

    @Option(names = Options.OUTPUT_DIRECTORY_FLAG, paramLabel = "FOLDER",
            description = "The GitOps repository's root; the tree is in <FOLDER>/<spec.gitops.path>. Default: target/mlgitops.")
    Path outputDirectory;

    @Option(names = Options.INCREMENTAL_FLAG, negatable = true, arity = "0..1", fallbackValue = "true",
            defaultValue = Options.INCREMENTAL_DEFAULT,
            description = "Skip the work when the spec, the blueprints, the tool and these options are as in the last run and"
                    + " every file it wrote is unchanged (a stamp in target/mlgitops-stamps). Default: ${DEFAULT-VALUE}.")
    boolean incremental;

    @Override
    int run(Path file) {
        long start = System.nanoTime();
        GenerateResult result = configure(MlGitops.generate(file))
                .setOutputDirectory(outputDirectory != null ? outputDirectory : Path.of("target", "mlgitops"))
                .setStamp(incremental ? STAMP.toAbsolutePath() : null).call();
        int exit = finish(result);
        result.summaryTable(Duration.ofNanos(System.nanoTime() - start)).ifPresent(table -> say(table.stripTrailing()));
        result.treeFolder().ifPresent(folder -> say("mlgitops: tree is in " + folder));
        return exit;
    }
}
