package dev.mlgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.mlgitops.Options;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option means the same in both front ends: for each goal of the Maven plugin (as its
 * descriptor, plugin.xml, gives its parameters to Maven) the command line's subcommand of the
 * same name has the option {@code --x} for each property {@code -Dmlgitops.x}, with the same
 * default, and no other.
 */
class OptionParityTest {

    /** Properties only a build has: skipping a goal, and settings.xml servers (the CLI reads MLGITOPS_GIT_*). */
    private static final Set<String> MAVEN_ONLY = Set.of(Options.SKIP, Options.SERVER_ID);
    /** Options only a terminal has, unless the goal has them too: how to print, and picocli's own help. */
    private static final Set<String> CLI_ONLY = Set.of("--output", "--quiet", "--help", "--version");
    /**
     * Parameters a goal reads from its property itself, unbound, so that {@code mvn -X} never logs
     * them (a repository URL may hold a token): by parameter name, the property.
     */
    private static final Map<String, String> READ_BY_THE_GOAL = Map.of("repository", Options.REPOSITORY);
    private static final Set<String> GOALS = Set.of("validate", "generate", "check", "diff", "publish", "promote", "init");

    @Test
    void everyGoalHasItsSubcommandWithTheSameOptionsAndDefaults() throws Exception {
        Map<String, Map<String, String>> goals = goals();
        CommandLine cli = Main.commandLine();

        assertThat(goals.keySet()).containsExactlyInAnyOrderElementsOf(GOALS);
        assertThat(cli.getSubcommands().keySet()).containsExactlyInAnyOrderElementsOf(GOALS);
        for (String goal : GOALS) {
            Map<String, String> expected = new TreeMap<>();
            goals.get(goal).forEach((property, value) -> {
                if (!MAVEN_ONLY.contains(property)) {
                    expected.put(Options.flag(property), value);
                }
            });
            assertThat(options(cli.getSubcommands().get(goal).getCommandSpec(), expected.keySet())).as(goal).isEqualTo(expected);
        }
    }

    @Test
    void theFlagOfAPropertyDropsThePrefixAndTheGitopsGroupInKebabCase() {
        assertThat(Options.flag(Options.ALLOW_DELETIONS)).isEqualTo("--allow-deletions");
        assertThat(Options.flag(Options.NEW_BRANCH)).isEqualTo("--new-branch");
        assertThat(Options.flag(Options.AUTHOR_EMAIL)).isEqualTo("--author-email");
        assertThat(Options.flag(Options.DENIED_NAMESPACES)).isEqualTo(Options.DENIED_NAMESPACES_FLAG);
        assertThat(Options.flag(Options.OUTPUT_DIRECTORY)).isEqualTo(Options.OUTPUT_DIRECTORY_FLAG);
        assertThat(Options.flag(Options.OUTPUT)).isEqualTo(Options.OUTPUT_FLAG);
    }

    /** The subcommand's options by long name with their defaults ("" for none), the terminal's own left out unless the goal has them. */
    private static Map<String, String> options(CommandSpec command, Set<String> goals) {
        Map<String, String> options = new TreeMap<>();
        for (OptionSpec option : command.options()) {
            if (!CLI_ONLY.contains(option.longestName()) || goals.contains(option.longestName())) {
                options.put(option.longestName(), option.defaultValue() == null ? "" : option.defaultValue());
            }
        }
        return options;
    }

    /** Each goal's user properties with their defaults ("" for none), from the plugin's descriptor. */
    private static Map<String, Map<String, String>> goals() throws Exception {
        Document descriptor = descriptor();
        Map<String, Map<String, String>> goals = new TreeMap<>();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            Map<String, String> properties = new TreeMap<>();
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            for (Node node = configuration.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element parameter && parameter.getTextContent().startsWith("${mlgitops.")) {
                    String property = parameter.getTextContent().substring(2, parameter.getTextContent().length() - 1);
                    // a default that names the project's folder is the current folder's on the command line
                    properties.put(property, parameter.getAttribute("default-value").replace("${basedir}/", ""));
                }
            }
            NodeList parameters = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                String name = text((Element) parameters.item(j), "name");
                if (READ_BY_THE_GOAL.containsKey(name)) {
                    properties.putIfAbsent(READ_BY_THE_GOAL.get(name), "");
                }
            }
            if (!properties.isEmpty()) {
                goals.put(goal, properties);
            }
        }
        return goals;
    }

    private static Document descriptor() throws Exception {
        for (URL url : Collections.list(OptionParityTest.class.getClassLoader().getResources("META-INF/maven/plugin.xml"))) {
            try (InputStream in = url.openStream()) {
                Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
                if ("mlgitops".equals(text(document.getDocumentElement(), "goalPrefix"))) {
                    return document;
                }
            }
        }
        throw new IOException("the mlgitops plugin's descriptor is not on the test class path: build maven-plugin first");
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
