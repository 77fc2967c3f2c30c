package dev.mlgitops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.mlgitops.InitOptions;
import dev.mlgitops.Initialization;
import dev.mlgitops.MlGitops;
import dev.mlgitops.finding.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a starter mlproject.yaml (and .mlgitops/mlproject-v1alpha1.schema.json, which its first",
            "line points editors at) into a folder; refuses to overwrite an existing spec unless --force."})
class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = ".",
            description = "The folder to write into (default: the current folder).")
    Path folder;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "my-project",
            description = "metadata.name: a DNS-1035 label of at most 40 characters. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--team", paramLabel = "TEAM", defaultValue = "my-team", description = "metadata.team. Default: ${DEFAULT-VALUE}.")
    String team;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE",
            description = "The stages besides tenancy: feature-store, notebooks, training, model-registry, serving, monitoring."
                    + " Default: training,model-registry,serving.")
    List<String> stages = new ArrayList<>(InitOptions.DEFAULT_STAGES);

    @Option(names = "--force", description = "Overwrite an existing mlproject.yaml.")
    boolean force;

    @Override
    public Integer call() {
        Initialization init = MlGitops.init(folder.toAbsolutePath().normalize(),
                InitOptions.defaults().withName(name).withTeam(team).withStages(stages).withForce(force));
        for (Finding finding : init.findings().sorted()) {
            spec.commandLine().getErr().println(finding.format("mlproject.yaml"));
        }
        spec.commandLine().getErr().flush();
        if (!init.passed()) {
            return ExitCodes.FINDINGS;
        }
        spec.commandLine().getOut().println("mlgitops: wrote " + init.spec() + "; fill in spec.gitops.repoURL and the images,"
                + " then run 'mlgitops validate'");
        spec.commandLine().getOut().flush();
        return ExitCodes.CLEAN;
    }
}
