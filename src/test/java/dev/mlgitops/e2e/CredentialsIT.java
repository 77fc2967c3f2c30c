package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.mlgitops.Options;
import org.junit.jupiter.api.Test;

/**
 * A settings.xml server's password reaches the GitOps repository and nothing else: not Maven's
 * log (even with -X), not the failure, not a file of the project or the clone.
 */
class CredentialsIT {

    private static final String MARKER = "mlgitops-marker-s3cret-4711";

    @Test
    void publishSendsTheServersPasswordAndNeverPrintsOrWritesIt() throws Exception {
        Path project = GitOpsGoalsIT.copyOfExampleRepo("credentials", false);
        Path settings = project.resolve("server-settings.xml");
        Files.writeString(settings, "<settings><servers><server><id>gitops</id><username>ci-bot</username><password>"
                + MARKER + "</password></server></servers></settings>\n");
        List<String> authorizations = new CopyOnWriteArrayList<>();
        // a Git server that refuses every request, recording the credentials it is offered
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/platform/ml-gitops.git";

            Command.Result run = ForkedMaven.run(project, "-X", "-gs", settings.toString(), ForkedMaven.pluginGoal("publish"),
                    "-D" + Options.REPOSITORY + "=" + url, "-D" + Options.SERVER_ID + "=gitops",
                    "-D" + Options.PUSH + "=true", "-D" + Options.ALLOW_INSECURE_HTTP + "=true");

            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(run.output()).contains("BUILD FAILURE", url);
            assertThat(authorizations).contains("Basic " + Base64.getEncoder()
                    .encodeToString(("ci-bot:" + MARKER).getBytes(StandardCharsets.UTF_8)));
            assertThat(run.output()).doesNotContain(MARKER);
            assertThat(GitOpsGoalsIT.filesContaining(project.resolve("target"), MARKER)).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRepositoryUrlWithCredentialsOrPlainHttpWithCredentialsIsRefusedBeforeAnythingIsSent() throws Exception {
        Path project = GitOpsGoalsIT.copyOfExampleRepo("credentials-in-url", false);
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String address = "127.0.0.1:" + server.getAddress().getPort() + "/platform/ml-gitops.git";

            Command.Result withToken = ForkedMaven.run(project, "-X", ForkedMaven.pluginGoal("publish"),
                    "-D" + Options.REPOSITORY + "=https://ci-bot:" + MARKER + "@" + address, "-D" + Options.PUSH + "=true");
            Path settings = project.resolve("server-settings.xml");
            Files.writeString(settings, "<settings><servers><server><id>gitops</id><username>ci-bot</username><password>"
                    + MARKER + "</password></server></servers></settings>\n");
            Command.Result plainHttp = ForkedMaven.run(project, "-gs", settings.toString(), ForkedMaven.pluginGoal("publish"),
                    "-D" + Options.REPOSITORY + "=http://" + address, "-D" + Options.SERVER_ID + "=gitops",
                    "-D" + Options.PUSH + "=true");

            assertThat(withToken.exitCode()).as(withToken.output()).isNotZero();
            assertThat(withToken.output()).contains("BUILD FAILURE", "The repository URL given with " + Options.REPOSITORY
                    + " holds a user name or password; Maven would log it with -X.", "MLGITOPS_GIT_TOKEN");
            assertThat(withToken.output()).doesNotContain(MARKER);
            assertThat(plainHttp.exitCode()).as(plainHttp.output()).isNotZero();
            assertThat(plainHttp.output()).contains("BUILD FAILURE", "credentials are not sent over plain http")
                    .doesNotContain(MARKER);
            assertThat(requests).as("nothing reached the server").isEmpty();
            Path target = project.resolve("target");
            assertThat(!Files.exists(target) || GitOpsGoalsIT.filesContaining(target, MARKER).isEmpty())
                    .as("no file under target holds the password").isTrue();
        } finally {
            server.stop(0);
        }
    }
}
