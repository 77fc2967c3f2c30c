package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The dependency rule, written down: a step imports only earlier steps and the shared packages,
 * never a later step; the front ends (the Maven plugin, the command line) use only the porcelain,
 * the root package; the generator knows nothing of Maven. Neither a wildcard import nor a fully
 * qualified name in the code gets past it.
 */
class DependencyRuleTest {

    /** The steps in pipeline order: {@code build} runs load to layout as one; review sits between write and git. */
    private static final List<String> STEPS = List.of(
            "load", "schema", "resolve", "check", "render", "typed", "policy", "function", "release", "layout", "build",
            "write", "review", "git", "report", "init");
    private static final Set<String> SHARED = Set.of("finding", "model", "yaml");
    /** Leaf types of the root package that every step may use. */
    private static final Set<String> ROOT_LEAVES = Set.of("MlGitopsException", "Progress");

    private static final Path SOURCES = Path.of("src/main/java/dev/mlgitops");
    /** The front ends, as the generator module's neighbours in the reactor. */
    private static final List<Path> FRONT_ENDS = List.of(Path.of("../cli/src/main/java/dev/mlgitops/cli"),
            Path.of("../maven-plugin/src/main/java/dev/mlgitops/maven"));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+(?:\\.\\*)?);", Pattern.MULTILINE);
    /** A name of ours in the code: {@code dev.mlgitops.} and at least one more segment. */
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\s*\\.\\s*mlgitops(?:\\s*\\.\\s*\\w+)+");
    private static final Pattern COMMENTS_AND_LITERALS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'", Pattern.DOTALL);

    @Test
    void everyStepImportsOnlyEarlierStepsAndSharedPackages() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            String from = packageOf(file);
            violations.addAll(violations(file.toString(), read(file), to -> allowed(from, to)));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theFrontEndsUseOnlyThePorcelain() {
        List<String> violations = new ArrayList<>();
        for (Path folder : FRONT_ENDS) {
            assertThat(folder).as("the front end's sources, beside the generator").isDirectory();
            String own = "dev.mlgitops." + folder.getFileName() + ".";
            for (Path file : javaFiles(folder)) {
                violations.addAll(violations(file.toString(), read(file), to -> to.startsWith(own) || isPorcelain(to)));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void catchesAWildcardImportAndAFullyQualifiedName() {
        String source = """
                package dev.mlgitops.cli;

                import java.util.*;
                import dev.mlgitops.MlGitops;
                import dev.mlgitops.git.*;

                /** Mentions dev.mlgitops.git.GitOps in a comment, which is fine. */
                class Sneaky {
                    String text = "dev.mlgitops.write.TreeWriter in a string is fine";
                    Object tree = dev.mlgitops.layout.OutputTree.class;
                    Object spread = dev.mlgitops
                            .review.DeletionGuard.defaults();
                }
                """;

        List<String> found = violations("Sneaky.java", source, to -> to.startsWith("dev.mlgitops.cli.") || isPorcelain(to));

        assertThat(found).containsExactly(
                "Sneaky.java imports java.util.*: name each type",
                "Sneaky.java imports dev.mlgitops.git.*: name each type",
                "Sneaky.java uses dev.mlgitops.layout.OutputTree.class",
                "Sneaky.java uses dev.mlgitops.review.DeletionGuard.defaults");
    }

    @Test
    void theGeneratorKnowsNothingOfMaven() {
        List<String> violations = javaFiles(SOURCES).stream()
                .filter(file -> imports(read(file)).stream().anyMatch(i -> i.startsWith("org.apache.maven")))
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

    /**
     * What a source breaks: a wildcard import, or an import or a qualified name in the code (not
     * in comments or text) of ours that {@code allowed} refuses.
     *
     * @param allowed given the imported or named type, e.g. {@code dev.mlgitops.git.GitOps}
     */
    static List<String> violations(String name, String source, Predicate<String> allowed) {
        List<String> found = new ArrayList<>();
        for (String imported : imports(source)) {
            if (imported.endsWith(".*")) {
                found.add(name + " imports " + imported + ": name each type");
            } else if (imported.startsWith("dev.mlgitops.") && !allowed.test(imported)) {
                found.add(name + " imports " + imported);
            }
        }
        String code = COMMENTS_AND_LITERALS.matcher(source).replaceAll(" ")
                .replaceAll("(?m)^(?:package|import) [^;]*;", "");
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String used = qualified.group().replaceAll("\\s", "");
            if (!allowed.test(used)) {
                found.add(name + " uses " + used);
            }
        }
        return found;
    }

    /** A type of the root package: {@code dev.mlgitops.MlGitops}, or a member of one. */
    private static boolean isPorcelain(String type) {
        String rest = type.substring("dev.mlgitops.".length());
        return !rest.isEmpty() && Character.isUpperCase(rest.charAt(0));
    }

    private static boolean allowed(String from, String imported) {
        String rest = imported.substring("dev.mlgitops.".length());
        int dot = rest.indexOf('.');
        String to = dot < 0 || Character.isUpperCase(rest.charAt(0)) ? "" : rest.substring(0, dot);
        if (from.isEmpty() || from.equals(to) || SHARED.contains(to)) {
            return true;
        }
        if (to.isEmpty()) {
            return ROOT_LEAVES.contains(rest);
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

    private static List<String> imports(String source) {
        Matcher matcher = IMPORT.matcher(source);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
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
