package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The pipeline's dependency rule, written down: a step imports only earlier steps and the shared
 * packages, never a later step; the generator knows nothing of Maven.
 */
class DependencyRuleTest {

    /** The steps in pipeline order. */
    private static final List<String> STEPS = List.of(
            "load", "schema", "resolve", "check", "render", "typed", "policy", "function", "layout", "write", "git", "report");
    private static final Set<String> SHARED = Set.of("finding", "model", "yaml");
    /** Leaf types of the root package that every step may use. */
    private static final Set<String> ROOT_LEAVES = Set.of("MlGitopsException", "Progress");

    private static final Path SOURCES = Path.of("src/main/java/dev/mlgitops");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    @Test
    void everyStepImportsOnlyEarlierStepsAndSharedPackages() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            String from = packageOf(file);
            for (String imported : imports(file)) {
                if (!imported.startsWith("dev.mlgitops.")) {
                    continue;
                }
                String rest = imported.substring("dev.mlgitops.".length());
                int dot = rest.indexOf('.');
                String to = dot < 0 ? "" : rest.substring(0, dot);
                if (!allowed(from, to, rest)) {
                    violations.add(SOURCES.relativize(file) + " imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theGeneratorKnowsNothingOfMaven() {
        List<String> violations = javaFiles(SOURCES).stream()
                .filter(file -> imports(file).stream().anyMatch(i -> i.startsWith("org.apache.maven")))
                .map(file -> SOURCES.relativize(file).toString())
                .toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void theRuleSeesEveryPackage() {
        List<String> unknown = javaFiles(SOURCES).stream()
                .map(DependencyRuleTest::packageOf)
                .filter(p -> !p.isEmpty() && !STEPS.contains(p) && !SHARED.contains(p))
                .distinct()
                .toList();
        assertThat(unknown).as("packages the dependency rule does not place").isEmpty();
    }

    private static boolean allowed(String from, String to, String imported) {
        if (from.isEmpty() || from.equals(to) || SHARED.contains(to)) {
            return true;
        }
        if (to.isEmpty()) {
            return ROOT_LEAVES.contains(imported);
        }
        if (SHARED.contains(from)) {
            return false;
        }
        return STEPS.indexOf(to) >= 0 && STEPS.indexOf(to) < STEPS.indexOf(from);
    }

    private static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file.getParent());
        return relative.toString().isEmpty() ? "" : relative.getName(0).toString();
    }

    private static List<String> imports(Path file) {
        try {
            Matcher matcher = IMPORT.matcher(Files.readString(file));
            List<String> found = new ArrayList<>();
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
