package dev.mlgitops;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.mlgitops.init.InitOptions;
import dev.mlgitops.init.Starter;
import dev.mlgitops.init.StarterFiles;

/**
 * Writes a starter mlproject.yaml into a folder, with a copy of the schema beside it that its
 * first line points editors at. On findings (a bad name, a file in the way) it writes nothing.
 * Made by {@link MlGitops#init}; runs once.
 */
public final class InitCommand {

    private final Path folder;
    private InitOptions options = InitOptions.defaults();
    private boolean called;

    InitCommand(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    }

    /** The project's {@code metadata.name}: a DNS-1035 label of at most 40 characters. Default {@value Options#NAME_DEFAULT}. */
    public InitCommand setName(String name) {
        options = options.withName(name);
        return this;
    }

    /** The owning team's {@code metadata.team}. Default {@value Options#TEAM_DEFAULT}. */
    public InitCommand setTeam(String team) {
        options = options.withTeam(team);
        return this;
    }

    /** The stages besides tenancy (always there), by folder name. Default {@value Options#STAGES_DEFAULT}. */
    public InitCommand setStages(List<String> stages) {
        options = options.withStages(stages);
        return this;
    }

    /** The stages as a comma list, as the front ends take them. */
    public InitCommand setStages(String commaList) {
        return setStages(commaList == null ? List.of() : Arrays.asList(commaList.split(",")));
    }

    /** Overwrite an existing mlproject.yaml. Default false. */
    public InitCommand setForce(boolean overwrite) {
        options = options.withForce(overwrite);
        return this;
    }

    /**
     * @throws MlGitopsException when the files cannot be written
     * @throws IllegalStateException when called a second time
     */
    public InitResult call() {
        if (called) {
            throw new IllegalStateException("a command runs once; make a new one");
        }
        called = true;
        StarterFiles files = Starter.write(folder, options);
        return new InitResult(files.passed() ? Status.CLEAN : Status.FINDINGS, files.findings(), files.spec(), files.schema());
    }
}
