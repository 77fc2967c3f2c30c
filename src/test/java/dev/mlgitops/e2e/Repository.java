package dev.mlgitops.e2e;

import java.nio.file.Path;

/** Where things are in the mlgitops repository, as the e2e module's pom tells the tests. */
final class Repository {

    /** The command that refreshes example-repo/gitops/, for failure messages. */
    static final String REFRESH_COMMAND =
            "mvn -B -q install -DskipTests && mvn -B -f example-repo/pom.xml generate-resources";

    private Repository() {
    }

    static Path root() {
        return Path.of(required("mlgitops.repositoryRoot")).toAbsolutePath().normalize();
    }

    static Path exampleRepo() {
        return root().resolve("example-repo");
    }

    /** The folder the example's pom generates into; it stands for the GitOps repository's root. */
    static Path committedGitops() {
        return exampleRepo().resolve("gitops");
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property
                    + " is not set: run the tests through Maven (mvn -B verify), whose pom sets it");
        }
        return value;
    }
}
