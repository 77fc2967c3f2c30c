package dev.mlgitops.cli;

import dev.mlgitops.Preparation;
import dev.mlgitops.write.TreeComparison;
import picocli.CommandLine.Command;

@Command(name = "check", description = {"Fail (exit 1) when the tree in the output folder is not what the spec generates:",
    "for CI, on the committed GitOps tree. Writes nothing."})
class CheckCommand extends DriftCommand {

    @Override
    int onDrift(TreeComparison drift, String where, Preparation prepared) {
        if (!json()) {
            drift.lines().forEach(err()::println);
            err().println("mlgitops: " + where + " is stale: " + count(drift.lines().size(), "file")
                    + " differ from what the spec generates; run 'mlgitops generate' and commit the result");
            err().flush();
        }
        return ExitCodes.FINDINGS;
    }
}
