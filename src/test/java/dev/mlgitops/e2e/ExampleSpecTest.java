package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ExampleSpecTest {

    /** The reference file is kept beside the repository (shared/spec) by the project's steering, not in it. */
    @Test
    void exampleSpecIsTheReferenceFileByteForByte() throws IOException {
        Path reference = Repository.root().resolveSibling("shared").resolve("spec").resolve("mlproject-reference.yaml");
        assumeTrue(Files.isRegularFile(reference), "no reference file at " + reference + " to compare with");

        assertThat(Files.readAllBytes(Repository.exampleRepo().resolve("mlproject.yaml")))
                .as("example-repo/mlproject.yaml must be a byte copy of " + reference + "; copy it over, never edit it")
                .isEqualTo(Files.readAllBytes(reference));
    }
}
