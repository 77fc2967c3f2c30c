package dev.mlgitops.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Which settings.xml server gives the GitOps repository's credentials, and that a mistake never shows the password. */
class ServerCredentialsTest {

    private static final String SECRET = "marker-password-0815";

    @Test
    void usernameAndPasswordOfTheServerAreTheCredentials() throws Exception {
        Server credentials = mojo("gitops", server("gitops", "ci-bot", SECRET)).server();

        assertThat(credentials.getUsername()).isEqualTo("ci-bot");
        assertThat(credentials.getPassword()).isEqualTo(SECRET);
    }

    @Test
    void aPasswordWithoutUsernameIsAToken() throws Exception {
        Server token = mojo("gitops", server("gitops", null, SECRET)).server();

        assertThat(token.getUsername()).isNull();
        assertThat(token.getPassword()).isEqualTo(SECRET);
    }

    @Test
    void noServerIdMeansNoCredentialsFromSettings() throws Exception {
        assertThat(mojo(null, server("gitops", "ci-bot", SECRET)).server()).isNull();
    }

    @Test
    void anUnknownServerIdFailsNamingItAndHowToFixIt() throws Exception {
        DiffMojo mojo = mojo("gitlab", server("gitops", "ci-bot", SECRET));

        assertThatThrownBy(mojo::server)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("No <server> with id 'gitlab' in settings.xml: add one with the repository's username and password"
                        + " (or a token as the password), or drop -Dmlgitops.gitops.serverId");
    }

    private static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    private static DiffMojo mojo(String serverId, Server server) throws ReflectiveOperationException {
        Settings settings = new Settings();
        settings.addServer(server);
        DiffMojo mojo = new DiffMojo();
        set(mojo, "serverId", serverId);
        set(mojo, "settings", settings);
        return mojo;
    }

    private static void set(Object mojo, String field, Object value) throws ReflectiveOperationException {
        Field declared = AbstractGitOpsMojo.class.getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(mojo, value);
    }
}
