package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The guide (README and docs/) kept in step with the schema and with what the build makes. */
class GuideTest {

    /** The objects of the schema whose every property the guide names: the top level, metadata, spec and each section, the items of named maps. */
    private static final List<String> DESCRIBED = List.of(
            "/properties", "/properties/metadata/properties", "/$defs/spec/properties",
            "/$defs/spec/properties/gitops/properties", "/$defs/spec/properties/tenancy/properties",
            "/$defs/spec/properties/secrets/properties", "/$defs/spec/properties/featureStore/properties",
            "/$defs/spec/properties/modelRegistry/properties", "/$defs/spec/properties/monitoring/properties",
            "/$defs/notebook/properties", "/$defs/trainingJob/properties", "/$defs/step/properties",
            "/$defs/servingModel/properties", "/$defs/environment/properties");

    @Test
    void theSpecSectionNamesEveryTopLevelAndStageLevelPropertyOfTheSchema() throws IOException {
        String guide = section(page("docs/spec.md"), "## The spec, field by field");
        JsonNode schema = JsonMapper.builder().build()
                .readTree(Files.readString(Repository.root().resolve("schemas/mlproject-v1alpha1.schema.json")));

        List<String> unnamed = new ArrayList<>();
        for (String pointer : DESCRIBED) {
            JsonNode properties = schema.at(pointer);
            assertThat(properties.isObject()).as(pointer).isTrue();
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                if (!guide.contains("`" + property.getKey() + "`")) {
                    unnamed.add(pointer + "/" + property.getKey());
                }
            }
        }

        assertThat(unnamed).as("schema properties the guide does not name").isEmpty();
    }

    @Test
    void theFirstTwoCommandsComeFirstAndTheCliCommandNamesTheJarTheBuildMakes() throws IOException {
        String readme = readme();

        assertThat(readme.indexOf("```sh")).isLessThan(readme.indexOf("## "));
        assertThat(readme).contains(Repository.REFRESH_COMMAND.replace("mvn -B -q install -DskipTests && ", ""), "mvn -B verify");
        assertThat(readme).contains("java -jar cli/target/mlgitops-cli-" + Repository.required("mlgitops.version") + ".jar");
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsPointsAtAFileAndHeadingThatExist() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Repository.root().resolve("README.md"),
                Repository.root().resolve("benchmark/README.md")));
        try (Stream<Path> docs = Files.list(Repository.root().resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher links = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (links.find()) {
                String target = links.group(1);
                String anchor = links.group(2);
                Path file = target.isEmpty() ? page : page.getParent().resolve(target).normalize();
                if (!Files.exists(file)) {
                    broken.add(Repository.root().relativize(page) + ": " + links.group());
                } else if (anchor != null && file.toString().endsWith(".md") && !anchors(file).contains(anchor)) {
                    broken.add(Repository.root().relativize(page) + ": " + links.group() + " (no such heading)");
                }
            }
        }

        assertThat(pages).hasSizeGreaterThan(5);
        assertThat(broken).as("links to files or headings that do not exist").isEmpty();
    }

    /** A Markdown link to a relative path, with an optional #anchor; web links are not followed. */
    private static final Pattern LINK = Pattern.compile("\\]\\((?!https?:)([^)#\\s]*)(?:#([^)\\s]+))?\\)");

    /** The anchors GitHub makes of a page's headings: lowercase, punctuation dropped, spaces to '-'. */
    private static List<String> anchors(Path page) throws IOException {
        return Files.readAllLines(page, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches("#{1,6} .*"))
                .map(line -> line.replaceFirst("#+ ", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .toList();
    }

    private static String readme() throws IOException {
        return page("README.md");
    }

    private static String page(String path) throws IOException {
        return Files.readString(Repository.root().resolve(path), StandardCharsets.UTF_8);
    }

    /** From a heading to the next heading of the same level. */
    private static String section(String text, String heading) {
        int start = text.indexOf(heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
