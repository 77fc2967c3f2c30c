package dev.mlgitops.cli;

import java.nio.file.Path;
import java.util.Optional;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.Generation;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Preparation;
import dev.mlgitops.write.TreeComparison;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the tree in memory and compares it with the one in the output folder, file by file;
 * changes nothing. {@code diff} shows the drift, {@code check} fails on it.
 */
abstract class DriftCommand extends TreeCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    final int run(Path file, GenerateOptions options) {
        Preparation prepared = MlGitops.prepare(file, options);
        Generation built = prepared.generation();
        Optional<TreeComparison> drift = built.tree().map(tree -> MlGitops.compare(tree, outputDirectory()));
        if (json()) {
            ObjectNode root = (ObjectNode) JSON.readTree(findingsJson(built.findings()));
            drift.ifPresent(d -> {
                ObjectNode node = root.putObject("drift");
                node.put("inSync", d.inSync());
                d.missing().forEach(node.putArray("missing")::add);
                d.different().forEach(node.putArray("different")::add);
                d.stale().forEach(node.putArray("stale")::add);
            });
            out().print(JSON.writerWithDefaultPrettyPrinter().writeValueAsString((JsonNode) root) + "\n");
            out().flush();
        }
        if (report(built.sourceFile(), built.findings())) {
            return ExitCodes.FINDINGS;
        }
        String where = outputDirectory().resolve(built.tree().orElseThrow().root()).toString();
        if (drift.orElseThrow().inSync()) {
            say("mlgitops: " + where + " is in step with the spec");
            return ExitCodes.CLEAN;
        }
        return onDrift(drift.get(), where, prepared);
    }

    /** What the command makes of a tree out of step; returns the exit code. */
    abstract int onDrift(TreeComparison drift, String where, Preparation prepared);
}
