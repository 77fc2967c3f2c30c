package dev.mlgitops.cli;

import dev.mlgitops.write.TreeComparison;
import picocli.CommandLine.Command;

@Command(name = "diff", description = {"Show, file by file, what generate would change in the output folder:",
    "missing (generate would add it), different (would change it), stale (would remove it).",
    "Writes nothing; exits 0 unless the spec has errors."})
class DiffCommand extends DriftCommand {

    @Override
    int onDrift(TreeComparison drift, String where) {
        drift.lines().forEach(this::say);
        say("mlgitops: " + drift.missing().size() + " added, " + drift.different().size() + " changed, "
                + drift.stale().size() + " removed");
        return ExitCodes.CLEAN;
    }
}
