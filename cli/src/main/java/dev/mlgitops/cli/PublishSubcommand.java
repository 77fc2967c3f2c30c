package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import dev.mlgitops.PublishResult;
import dev.mlgitops.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the tree once, passes it through the deletion guard and commits it into the GitOps
 * repository, pushing when asked: the Maven goal's publish, option for option.
 */
@Command(name = "publish", description = {"Validate, build the tree, review it against the branch Argo CD syncs and commit it",
    "under spec.gitops.path of the GitOps repository; with --push, push it. The deletion guard refuses (exit 1) a change",
    "that removes Applications, more than --max-deletions percent of the objects, or touches production with other",
    "environments, unless allowed. Credentials: MLGITOPS_GIT_TOKEN, or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD."})
class PublishSubcommand extends CommittingSubcommand {

    @Option(names = Options.MESSAGE_FLAG, paramLabel = "SUBJECT", description = "The commit's subject line. Default: derived from the changed paths.")
    String message;

    @Override
    int runWithRepository(Path file) {
        PublishResult result = configureCommit(MlGitops.publish(file))
                .setMessage(message).call();
        int exit = finish(result);
        if (result.status() == Status.REFUSED) {
            result.refusals().forEach(line -> err().println("mlgitops: " + line));
            err().println("mlgitops: the deletion guard refuses to publish this change: " + String.join("; ", result.refusalMessages())
                    + ". Review it with 'mlgitops diff'; if it is meant, allow it with "
                    + String.join(" ", result.allowingOptions().stream().map(Options::flag).toList()));
            err().flush();
            return exit;
        }
        if (result.outcome().isEmpty()) {
            return exit;
        }
        say("mlgitops: " + describe(result));
        if (result.status() == Status.REJECTED) {
            err().println("mlgitops: the push to " + result.branch().orElse("") + " was rejected: " + result.rejection().orElse("")
                    + "; nothing was forced");
            err().flush();
        }
        return exit;
    }

    private static String describe(PublishResult result) {
        String branch = result.branch().orElse("");
        String commit = result.shortCommitId().map(id -> " " + id).orElse("");
        String files = result.written().size() + " written, " + result.removed().size() + " removed";
        return switch (result.outcome().orElseThrow()) {
            case UNCHANGED -> "nothing changed on " + branch + commit;
            case COMMITTED -> "committed" + commit + " on " + branch + " (" + files + "); not pushed";
            case PUSHED -> "pushed" + commit + " to " + branch + " (" + files
                    + (result.retries() > 0 ? ", " + result.retries() + " retries" : "") + ")";
            case REJECTED -> "push to " + branch + " rejected";
        };
    }
}
