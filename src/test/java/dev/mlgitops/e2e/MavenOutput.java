package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on what a forked Maven printed. */
final class MavenOutput {

    /** Maven's own closing lines link to its wiki page named after the exception type; that is no stack trace. */
    private static final String MAVEN_HELP_LINK = "cwiki.apache.org/confluence/display/MAVEN/";

    private MavenOutput() {
    }

    static void assertSucceeded(Command.Result run) {
        assertThat(run.exitCode()).as("the build failed:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("BUILD SUCCESS");
    }

    /** Failed as a user's mistake (MojoFailureException), printing no stack trace. */
    static void assertFailedWithoutStackTrace(Command.Result run) {
        assertThat(run.exitCode()).as("the build should have failed:%n%s", run.output()).isNotZero();
        assertThat(run.output()).as(run.output()).contains("BUILD FAILURE", MAVEN_HELP_LINK + "MojoFailureException");
        List<String> traceLines = run.output().lines()
                .filter(line -> !line.contains(MAVEN_HELP_LINK))
                .filter(line -> line.contains("Exception") || line.startsWith("\tat ") || line.contains("Caused by"))
                .toList();
        assertThat(traceLines).as("a stack trace or exception name in:%n%s", run.output()).isEmpty();
    }
}
