package dev.mlgitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.mlgitops.finding.Findings;

/**
 * Table cases kept as folders, {@code src/test/resources/<step>/<case>/{mlproject.yaml,expected.txt}}:
 * expected.txt holds the exact finding lines the step prints for the case, in order.
 */
public final class CaseFolders {

    public static final String SPEC = "mlproject.yaml";

    /** The reference mlproject.yaml, a byte copy of the user contract in example-repo. */
    public static final Path REFERENCE = Path.of("../example-repo/mlproject.yaml");

    /** A spec made for one warning, MLG-RENDER-KSERVE-HOST: a KServe model with an ingress host. */
    public static final Path KSERVE_HOST = Path.of("src/test/resources/warnings/kserve-host/mlproject.yaml");

    /** A spec made for one warning, MLG-POLICY-REPLICAS: a served model that may run one replica in production. */
    public static final Path ONE_REPLICA = Path.of("src/test/resources/warnings/one-replica-in-production/mlproject.yaml");

    /** Two served models for the policy checker's production rules, one of them overridden in prod. */
    public static final Path PRODUCTION_SERVING = Path.of("src/test/resources/warnings/production-serving/mlproject.yaml");

    private CaseFolders() {
    }

    /** The case folders of one step, by name. */
    public static Stream<Path> of(String step) {
        Path root = Path.of("src/test/resources", step);
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case of the corpus, {@code src/test/resources/corpus/<area>/<case>}, by area and name. */
    public static Stream<Path> corpus() {
        Path root = Path.of("src/test/resources/corpus");
        try (Stream<Path> areas = Files.list(root)) {
            return areas.filter(Files::isDirectory).sorted()
                    .flatMap(area -> of("corpus/" + area.getFileName()))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] spec(Path caseFolder) {
        return read(caseFolder.resolve(SPEC));
    }

    public static List<String> expected(Path caseFolder) {
        String text = new String(read(caseFolder.resolve("expected.txt")), StandardCharsets.UTF_8);
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    public static List<String> lines(Findings findings) {
        return findings.sorted().stream().map(finding -> finding.format(SPEC)).toList();
    }

    /**
     * Asserts the findings are exactly the case's expected lines. With
     * {@code -Dmlgitops.updateGolden=true} it rewrites expected.txt instead; review the diff like code.
     */
    public static void assertFindings(Path caseFolder, Findings findings) {
        List<String> actual = lines(findings);
        if (Boolean.getBoolean("mlgitops.updateGolden")) {
            try {
                Files.writeString(caseFolder.resolve("expected.txt"), actual.isEmpty() ? "" : String.join("\n", actual) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        org.assertj.core.api.Assertions.assertThat(actual).containsExactlyElementsOf(expected(caseFolder));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
