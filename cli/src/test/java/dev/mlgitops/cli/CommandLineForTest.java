package dev.mlgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@code main} builds only the subcommand a command line names (a cold start reflects over one
 * subcommand's options, not seven); that command line must read and print as the whole one does.
 */
class CommandLineForTest {

    private static final List<String> NAMES = List.of("validate", "generate", "diff", "check", "publish", "promote", "init");

    @Test
    void everySubcommandIsNamedAsItsCommandAnnotationNamesIt() {
        assertThat(Main.SUBCOMMANDS).containsExactlyElementsOf(NAMES);
        for (String name : NAMES) {
            assertThat(Main.commandLineFor(name).getSubcommands().get(name).getCommandSpec().name()).isEqualTo(name);
        }
    }

    @Test
    void aCommandLineNamingASubcommandBuildsOnlyThatOne() {
        for (String name : NAMES) {
            assertThat(Main.commandLineFor(name, "--quiet").getSubcommands().keySet()).as(name).containsExactly(name);
        }
    }

    @Test
    void anyOtherCommandLineBuildsEverySubcommandInTheUsageOrder() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"valdate"}, new String[] {"-V"})) {
            assertThat(Main.commandLineFor(args).getSubcommands().keySet()).containsExactlyElementsOf(NAMES);
        }
    }

    @Test
    void eachSubcommandPrintsTheSameUsageAsInTheWholeCommandLine() {
        CommandLine whole = Main.commandLine();
        for (String name : NAMES) {
            String alone = Main.commandLineFor(name).getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(alone).as(name).startsWith("Usage: mlgitops " + name + " ")
                    .isEqualTo(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
    }

    @Test
    void aMistypedOptionIsRefusedAsInTheWholeCommandLine() {
        String[] args = {"validate", "--fail-onn=warning"};
        StringWriter alone = new StringWriter();
        StringWriter whole = new StringWriter();
        PrintWriter sink = new PrintWriter(new StringWriter());

        int aloneExit = Main.commandLineFor(sink, new PrintWriter(alone), args).execute(args);
        int wholeExit = Main.commandLine().setOut(sink).setErr(new PrintWriter(whole)).execute(args);

        assertThat(aloneExit).isEqualTo(ExitCodes.USAGE).isEqualTo(wholeExit);
        assertThat(alone.toString()).startsWith("Unknown option: '--fail-onn=warning'").isEqualTo(whole.toString());
    }
}
