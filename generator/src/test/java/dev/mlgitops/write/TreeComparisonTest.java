package dev.mlgitops.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.yaml.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparing a generated tree with a committed one lists missing, different and stale files, and nothing else. */
class TreeComparisonTest {

    private static final String OURS = Header.forSource("mlproject.yaml");

    @TempDir
    Path folder;

    @Test
    void listsMissingDifferentAndStaleFilesButNotSomeoneElsesFiles() {
        Map<String, String> generated = Map.of("a.yaml", OURS + "a: 1\n", "b.yaml", OURS + "b: 2\n", "c.yaml", OURS + "c: 3\n");
        Map<String, String> committed = Map.of("a.yaml", OURS + "a: 1\n", "b.yaml", OURS + "b: 1\n",
                "old.yaml", OURS + "old: 1\n", "README.md", "# someone else's\n");

        TreeComparison comparison = TreeComparison.between(generated, committed);

        assertThat(comparison.inSync()).isFalse();
        assertThat(comparison.lines()).containsExactly("+ c.yaml", "~ b.yaml", "- old.yaml");
        assertThat(comparison.summary()).isEqualTo("3 files: 1 added (+), 1 changed (~), 1 removed (-)");
    }

    @Test
    void writtenTreeIsInSyncAndAnEditedFileIsNamed() throws Exception {
        OutputTree tree = new OutputTree("projects/p", new TreeMap<>(Map.of("base/x.yaml", OURS + "x: 1\n", "y.yaml", OURS + "y: 1\n")));
        TreeWriter.write(tree, folder);

        assertThat(TreeWriter.compare(tree, folder).inSync()).isTrue();

        Files.writeString(folder.resolve("projects/p/base/x.yaml"), OURS + "x: 2\n");
        assertThat(TreeWriter.compare(tree, folder).lines()).containsExactly("~ base/x.yaml");
    }

    @Test
    void anAbsentFolderMissesEveryFile() {
        OutputTree tree = new OutputTree("p", new TreeMap<>(Map.of("y.yaml", OURS)));

        assertThat(TreeWriter.compare(tree, folder.resolve("nowhere")).missing()).containsExactly("y.yaml");
    }
}
