package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Real {@code kubectl kustomize} on every overlay folder of the committed tree. */
class KustomizeOverlaysTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @BeforeAll
    static void kubectlIsThere() throws InterruptedException {
        Command.Result version = Command.run(Repository.root(), List.of("kubectl", "version", "--client"));
        if (version.exitCode() != 0) {
            fail("kubectl is needed to check the overlays and could not be run (%s); install kubectl with kustomize"
                    + " (it is not in Debian's or Maven's registries) and put it on PATH", version.output().strip());
        }
    }

    @TestFactory
    Stream<DynamicTest> kustomizeBuildsEveryCommittedOverlayWithEachObjectOnce() throws IOException {
        Path gitops = Repository.committedGitops();
        List<Path> overlays = overlayFolders(gitops);
        assertThat(overlays)
                .as("no overlays/<env>/<stage>/kustomization.yaml under %s; generate the tree with:%n  %s",
                        gitops, Repository.REFRESH_COMMAND)
                .isNotEmpty();
        return overlays.stream().map(overlay -> DynamicTest.dynamicTest(gitops.relativize(overlay).toString(),
                () -> kustomizeBuildsWithEachObjectOnce(overlay)));
    }

    private static void kustomizeBuildsWithEachObjectOnce(Path overlay) throws InterruptedException {
        Command.Result build = Command.run(overlay, List.of("kubectl", "kustomize", "."));

        assertThat(build.exitCode()).as("kubectl kustomize %s failed:%n%s", overlay, build.output()).isZero();
        Set<String> seen = new HashSet<>();
        List<JsonNode> objects = YAML.readerFor(JsonNode.class).<JsonNode>readValues(build.output()).readAll();
        assertThat(objects).as("kubectl kustomize %s rendered no object", overlay).isNotEmpty();
        for (JsonNode object : objects) {
            String id = object.path("apiVersion").asString() + " " + object.path("kind").asString() + " "
                    + object.path("metadata").path("namespace").asString() + "/" + object.path("metadata").path("name").asString();
            assertThat(seen.add(id)).as("%s renders %s twice", overlay, id).isTrue();
        }
    }

    private static List<Path> overlayFolders(Path gitops) throws IOException {
        if (!Files.isDirectory(gitops)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(gitops)) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent)
                    .filter(folder -> folder.getParent().getParent().getFileName().toString().equals("overlays"))
                    .sorted()
                    .toList();
        }
    }
}
