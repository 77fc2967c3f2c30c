package dev.mlgitops.cli;

import java.nio.file.Path;
import java.time.Duration;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.Generation;
import dev.mlgitops.MlGitops;
import picocli.CommandLine.Command;

@Command(name = "generate", description = "Validate, then write the tree to <output-directory>/<spec.gitops.path>; on errors write nothing.")
class GenerateCommand extends TreeCommand {

    @Override
    int run(Path file, GenerateOptions options) {
        long start = System.nanoTime();
        Generation generation = MlGitops.generate(file, options.withOutputDirectory(outputDirectory()));
        int exit = finish(generation.sourceFile(), generation.findings());
        generation.summary().ifPresent(summary -> say(summary.table(Duration.ofNanos(System.nanoTime() - start)).stripTrailing()));
        generation.tree().ifPresent(tree -> say("mlgitops: tree is in " + outputDirectory().resolve(tree.root())));
        return exit;
    }
}
