package dev.mlgitops.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.mlgitops.FindingLine;
import dev.mlgitops.InitResult;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a starter mlproject.yaml (and .mlgitops/mlproject-v1alpha1.schema.json, which its first",
            "line points editors at) into a folder; refuses to overwrite an existing spec unless --force."})
class InitSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = ".",
            description = "The folder to write into (default: the current folder).")
    Path folder;

    @Option(names = Options.NAME_FLAG, paramLabel = "NAME", defaultValue = Options.NAME_DEFAULT,
            description = "metadata.name: a DNS-1035 label of at most 40 characters. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = Options.TEAM_FLAG, paramLabel = "TEAM", defaultValue = Options.TEAM_DEFAULT,
            description = "metadata.team. Default: ${DEFAULT-VALUE}.")
    String team;

    @Option(names = Options.STAGES_FLAG, paramLabel = "STAGES", defaultValue = Options.STAGES_DEFAULT,
            description = "The stages besides tenancy, a comma list: feature-store, notebooks, training, model-registry, serving,"
                    + " monitoring. Default: ${DEFAULT-VALUE}.")
    String stages;

    @Option(names = Options.FORCE_FLAG, defaultValue = Options.FORCE_DEFAULT, description = "Overwrite an existing mlproject.yaml.")
    boolean force;

    @Override
    public Integer call() {
        InitResult init = MlGitops.init(folder).setName(name).setTeam(team).setStages(stages).setForce(force).call();
        for (FindingLine finding : init.findings()) {
            spec.commandLine().getErr().println(finding.text());
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
