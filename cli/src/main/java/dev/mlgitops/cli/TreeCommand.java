package dev.mlgitops.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** A command that reads or writes the tree in an output folder, as the root of the GitOps repository. */
abstract class TreeCommand extends SpecCommand {

    @Option(names = "--output-directory", paramLabel = "FOLDER", defaultValue = "target/mlgitops",
            description = "The GitOps repository's root; the tree is in <FOLDER>/<spec.gitops.path>. Default: ${DEFAULT-VALUE}.")
    Path outputDirectory;

    final Path outputDirectory() {
        return outputDirectory.toAbsolutePath().normalize();
    }
}
