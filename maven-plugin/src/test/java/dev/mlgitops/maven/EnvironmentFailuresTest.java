package dev.mlgitops.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the goals make of a broken environment and of credentials where none may be. */
class EnvironmentFailuresTest {

    private static final String SECRET = "marker-password-4242";

    @TempDir
    Path folder;

    @Test
    void runningOutOfMemoryIsAMojoExecutionExceptionWithOneClearLine() throws Exception {
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"), "apiVersion: mlgitops.dev/v1alpha1\n");
        Exhausting mojo = new Exhausting();
        set(mojo, AbstractMlGitopsMojo.class, "spec", spec.toFile());
        set(mojo, AbstractMlGitopsMojo.class, "failOn", "error");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasNoCause()
                .hasMessageMatching("mlgitops ran out of memory \\(Java heap space, at most \\d+ MB of heap\\): the spec needs more"
                        + " than Maven's JVM has; give it more, e.g. MAVEN_OPTS=-Xmx2g, or split the project into smaller specs");
    }

    @Test
    void aRepositoryUrlWithCredentialsIsRefusedWithoutRepeatingThem() throws Exception {
        for (String url : new String[] {"https://ci-bot:" + SECRET + "@git.example.com/gitops.git", "http://" + SECRET + "@git.example.com/gitops.git"}) {
            DiffMojo mojo = new DiffMojo();
            set(mojo, AbstractGitOpsMojo.class, "repository", url);

            assertThatThrownBy(() -> mojo.repository())
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessage("The repository URL given with mlgitops.gitops.repository holds a user name or password; Maven would log"
                            + " it with -X. Give the URL without them, and the credentials in MLGITOPS_GIT_TOKEN (or MLGITOPS_GIT_USERNAME"
                            + " and MLGITOPS_GIT_PASSWORD) or in a settings.xml server named with -Dmlgitops.gitops.serverId");
        }
    }

    @Test
    void anSshUserIsAnAddressNotACredential() throws Exception {
        DiffMojo mojo = new DiffMojo();
        set(mojo, AbstractGitOpsMojo.class, "repository", "ssh://git@git.example.com/gitops.git");

        assertThat(mojo.repository()).isEqualTo("ssh://git@git.example.com/gitops.git");
    }

    private static void set(Object target, Class<?> owner, String name, Object value) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    /** A goal whose one call runs out of memory, as a huge spec would. */
    static final class Exhausting extends AbstractMlGitopsMojo {

        @Override
        protected void run(Path spec) {
            throw new OutOfMemoryError("Java heap space");
        }
    }
}
