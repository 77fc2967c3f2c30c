package dev.mlgitops.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.yaml.Header;

class TreeWriterTest {

    private static final String HEADER = Header.forSource("mlproject.yaml");
    private static final String ROOT = "projects/fraud-detection";

    @TempDir
    Path output;

    @Test
    void writesEveryFileUnderTheTreesRootAndLeavesNoStagingBehind() throws IOException {
        WriteResult result = TreeWriter.write(tree(Map.of(
                "base/serving/kustomization.yaml", HEADER + "kind: Kustomization\n",
                "argocd/appproject.yaml", HEADER + "kind: AppProject\n")), output);

        assertThat(result.written()).containsExactly("argocd/appproject.yaml", "base/serving/kustomization.yaml");
        assertThat(result.unchanged()).isEmpty();
        assertThat(result.removed()).isEmpty();
        assertThat(Files.readString(output.resolve(ROOT + "/base/serving/kustomization.yaml")))
                .isEqualTo(HEADER + "kind: Kustomization\n");
        assertThat(files(output)).containsExactly(ROOT + "/argocd/appproject.yaml", ROOT + "/base/serving/kustomization.yaml");
    }

    @Test
    void writingTheSameTreeAgainWritesNothingAndKeepsTheFilesUntouched() throws IOException {
        OutputTree tree = tree(Map.of("a/one.yaml", HEADER + "one\n", "two.yaml", HEADER + "two\n"));
        TreeWriter.write(tree, output);
        Path one = output.resolve(ROOT + "/a/one.yaml");
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(one, past);

        WriteResult again = TreeWriter.write(tree, output);

        assertThat(again.written()).isEmpty();
        assertThat(again.unchanged()).containsExactly("a/one.yaml", "two.yaml");
        assertThat(again.changedAnything()).isFalse();
        assertThat(Files.getLastModifiedTime(one)).isEqualTo(past);
        assertThat(Files.readString(one)).isEqualTo(HEADER + "one\n");
    }

    @Test
    void rewritesOnlyTheFilesWhoseBytesChanged() throws IOException {
        TreeWriter.write(tree(Map.of("a.yaml", HEADER + "a\n", "b.yaml", HEADER + "b\n")), output);

        WriteResult result = TreeWriter.write(tree(Map.of("a.yaml", HEADER + "a\n", "b.yaml", HEADER + "b2\n")), output);

        assertThat(result.written()).containsExactly("b.yaml");
        assertThat(result.unchanged()).containsExactly("a.yaml");
        assertThat(Files.readString(output.resolve(ROOT + "/b.yaml"))).isEqualTo(HEADER + "b2\n");
    }

    @Test
    void removesOurStaleFilesAndTheFoldersTheyLeaveEmptyButNoOtherFile() throws IOException {
        TreeWriter.write(tree(Map.of(
                "overlays/qa/serving/kustomization.yaml", HEADER + "qa\n",
                "overlays/prod/serving/kustomization.yaml", HEADER + "prod\n",
                "overlays/prod/notebooks/kustomization.yaml", HEADER + "notebooks\n")), output);
        Path foreign = output.resolve(ROOT + "/overlays/prod/notebooks/NOTES.md");
        Files.writeString(foreign, "# my notes\n");
        Path outside = output.resolve("README.md");
        Files.writeString(outside, HEADER + "not under the tree's root\n");

        WriteResult result = TreeWriter.write(tree(Map.of("overlays/prod/serving/kustomization.yaml", HEADER + "prod\n")), output);

        assertThat(result.removed()).containsExactly("overlays/prod/notebooks/kustomization.yaml",
                "overlays/qa/serving/kustomization.yaml");
        assertThat(output.resolve(ROOT + "/overlays/qa")).doesNotExist();
        assertThat(foreign).hasContent("# my notes");
        assertThat(outside).exists();
        assertThat(files(output)).containsExactly("README.md", ROOT + "/overlays/prod/notebooks/NOTES.md",
                ROOT + "/overlays/prod/serving/kustomization.yaml");
    }

    @Test
    void refusesToOverwriteAFileItDidNotGenerateAndWritesNothing() throws IOException {
        Path mine = output.resolve(ROOT + "/base/serving/kustomization.yaml");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "resources: [hand-made.yaml]\n");

        assertThatThrownBy(() -> TreeWriter.write(tree(Map.of(
                "argocd/appproject.yaml", HEADER + "kind: AppProject\n",
                "base/serving/kustomization.yaml", HEADER + "kind: Kustomization\n")), output))
                .isInstanceOf(MlGitopsException.class)
                .hasMessage("writing base/serving/kustomization.yaml: a file not generated by mlgitops is in the way");
        assertThat(mine).hasContent("resources: [hand-made.yaml]");
        assertThat(files(output)).containsExactly(ROOT + "/base/serving/kustomization.yaml");
    }

    @Test
    void namesTheRelativePathWhenAFileBlocksAFolderAndWritesNothing() throws IOException {
        Files.createDirectories(output.resolve(ROOT));
        Files.writeString(output.resolve(ROOT + "/overlays"), "a file, not a folder\n");

        assertThatThrownBy(() -> TreeWriter.write(tree(Map.of(
                "argocd/appproject.yaml", HEADER + "x\n",
                "overlays/prod/serving/kustomization.yaml", HEADER + "y\n")), output))
                .isInstanceOf(MlGitopsException.class)
                .hasMessage("writing overlays/prod/serving/kustomization.yaml: a file is in the way of its folder")
                .message().doesNotContain(output.toString());
        assertThat(files(output)).containsExactly(ROOT + "/overlays");
    }

    @ParameterizedTest
    @CsvSource({
            "projects/x, ../../escape.yaml",
            "projects/x, a/../../../escape.yaml",
            "projects/x, /etc/escape.yaml",
            "projects/x, a//b.yaml",
            "projects/x, a\\b.yaml",
            "../outside, a.yaml",
            "/abs, a.yaml"})
    void refusesAnyPathThatLeavesTheOutputFolderAndWritesNothing(String root, String file) throws IOException {
        OutputTree tree = new OutputTree(root, new TreeMap<>(Map.of("ok.yaml", HEADER, file, HEADER)));

        assertThatThrownBy(() -> TreeWriter.write(tree, output))
                .isInstanceOf(MlGitopsException.class)
                .hasMessageStartingWith("refusing to write ");
        assertThat(files(output)).isEmpty();
        assertThat(output.resolveSibling("outside")).doesNotExist();
        assertThat(output.resolveSibling("escape.yaml")).doesNotExist();
    }

    @Test
    void refusesAFolderThatLinksOutsideTheOutputFolder(@TempDir Path elsewhere) throws IOException {
        Files.createDirectories(output.resolve(ROOT));
        Files.createSymbolicLink(output.resolve(ROOT + "/base"), elsewhere);

        assertThatThrownBy(() -> TreeWriter.write(tree(Map.of("base/x.yaml", HEADER)), output))
                .isInstanceOf(MlGitopsException.class)
                .hasMessage("refusing to write " + ROOT + "/base/x.yaml: a folder on its way links outside the output folder");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void compareNamesMissingDifferentAndStaleFilesAndChangesNothing() throws IOException {
        TreeWriter.write(tree(Map.of("a.yaml", HEADER + "a\n", "b.yaml", HEADER + "b\n", "old.yaml", HEADER)), output);
        Files.writeString(output.resolve(ROOT + "/mine.yaml"), "not generated\n");

        TreeComparison drift = TreeWriter.compare(tree(Map.of("a.yaml", HEADER + "a\n", "b.yaml", HEADER + "B\n", "c.yaml", HEADER)), output);

        assertThat(drift.missing()).containsExactly("c.yaml");
        assertThat(drift.different()).containsExactly("b.yaml");
        assertThat(drift.stale()).containsExactly("old.yaml");
        assertThat(drift.lines()).containsExactly("+ c.yaml", "~ b.yaml", "- old.yaml");
        assertThat(drift.inSync()).isFalse();
        assertThat(files(output.resolve(ROOT))).containsExactly("a.yaml", "b.yaml", "mine.yaml", "old.yaml");
    }

    @Test
    void compareWithNoFolderFindsEveryFileMissing(@TempDir Path empty) {
        TreeComparison drift = TreeWriter.compare(tree(Map.of("a.yaml", HEADER)), empty.resolve("none"));

        assertThat(drift.missing()).containsExactly("a.yaml");
        assertThat(empty.resolve("none")).doesNotExist();
    }

    @Test
    void writesAndRemovesOnlyWithinTheTreesScope() throws IOException {
        TreeWriter.write(tree(Map.of("overlays/dev/x.yaml", HEADER, "overlays/prod/x.yaml", HEADER, "legacy.yaml", HEADER)), output);

        OutputTree prodOnly = tree(Map.of("base/y.yaml", HEADER, "overlays/dev/x.yaml", HEADER + "new\n"))
                .limitedTo(java.util.List.of("base", "overlays/prod"));
        WriteResult result = TreeWriter.write(prodOnly, output);

        assertThat(prodOnly.files()).containsOnlyKeys("base/y.yaml");
        assertThat(result.written()).containsExactly("base/y.yaml");
        assertThat(result.removed()).containsExactly("overlays/prod/x.yaml");
        assertThat(files(output.resolve(ROOT))).containsExactly("base/y.yaml", "legacy.yaml", "overlays/dev/x.yaml");
        assertThat(Files.readString(output.resolve(ROOT + "/overlays/dev/x.yaml"))).isEqualTo(HEADER);
        assertThat(TreeWriter.compare(prodOnly, output).inSync()).isTrue();
    }

    @Test
    void aFullDiskIsNamedWithTheFolderWhoseFileSystemIsFull() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "/dev/full, which answers every write with ENOSPC");
        IOException fromTheSystem = catchThrowableOfType(IOException.class, () -> Files.write(full, new byte[] {1}));

        assertThat(TreeWriter.describe(fromTheSystem, Path.of("/srv/out"))).isEqualTo("no space left on device (the file system of /srv/out)");
        assertThat(TreeWriter.describe(new IOException("Disk quota exceeded"))).isEqualTo("disk quota exceeded");
        assertThat(TreeWriter.describe(new IOException("Input/output error"), Path.of("/srv/out"))).isEqualTo("IOException");
    }

    /** On a real 64 KiB tmpfs, where this machine lets the test mount one (root on Linux); skipped elsewhere. */
    @Test
    void writingOntoAFullFileSystemSaysSoAndLeavesTheTreeAsItWas() throws IOException, InterruptedException {
        Path tiny = Files.createDirectories(output.resolve("tiny"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", tiny.toString()), "mounting a tmpfs is allowed here");
        try {
            TreeWriter.write(tree(Map.of("base/small.yaml", HEADER + "kind: ConfigMap\n")), tiny);
            Map<String, String> big = new TreeMap<>();
            for (int i = 0; i < 40; i++) {
                big.put("base/file-" + i + ".yaml", HEADER + "data: " + "x".repeat(4000) + "\n");
            }

            assertThatThrownBy(() -> TreeWriter.write(tree(big), tiny))
                    .isInstanceOf(MlGitopsException.class)
                    .hasMessageMatching("writing base/file-\\d+\\.yaml: no space left on device \\(the file system of \\Q" + tiny + "\\E\\)");
            try (Stream<Path> files = Files.walk(tiny)) {
                assertThat(files.filter(Files::isRegularFile).map(file -> tiny.relativize(file).toString()))
                        .as("only the first tree, no staging left").containsExactly(ROOT + "/base/small.yaml");
            }
        } finally {
            run("umount", tiny.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return false;
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor() == 0;
    }

    private static OutputTree tree(Map<String, String> files) {
        return new OutputTree(ROOT, new TreeMap<>(files));
    }

    private static java.util.List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }
}
