package dev.mlgitops.git;

import static dev.mlgitops.git.GitCli.git;
import static dev.mlgitops.git.NetworkRemotesTest.contents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What credentials do on the wire, proven with git's own smart HTTP server on 127.0.0.1 that
 * records every request: a token in the URL is sent as a credential and stored nowhere; nothing
 * is sent over plain http unless allowed; a redirect to another port gets nothing.
 */
class HttpCredentialsOnTheWireTest {

    private static final String MARKER = "tok-SECRET-9c4e1b";

    @TempDir
    Path temp;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private CommitTreeCommand publish(String url, Path work) {
        return GitOps.publish(Trees.first(), url).setBranch("main").setWorkFolder(work).setEnvironment(Map.of())
                .setAuthor("Publisher", "publisher@example.com");
    }

    @Test
    void aTokenGivenAsTheUrlsUserNameIsSentAsACredentialAndStoredNowhere() throws IOException {
        Path bare = GitCli.bare(temp.resolve("served/gitops.git"));
        String expected = basic(HttpCredentials.TOKEN_USER, MARKER);
        Path work = temp.resolve("work");
        try (GitHttpServer server = GitHttpServer.serving(temp.resolve("served"), expected::equals)) {
            String address = LoopbackServers.HOST + ":" + server.port() + "/gitops.git";

            CommitTreeResult result = publish("http://" + MARKER + "@" + address, work).setAllowInsecureHttp(true).setPush(true).call();
            CommitTreeResult again = publish("http://" + MARKER + "@" + address, work).setAllowInsecureHttp(true).setPush(true).call();

            assertThat(result.status()).isEqualTo(CommitTreeResult.Status.PUSHED);
            assertThat(again.status()).isEqualTo(CommitTreeResult.Status.UNCHANGED);
            assertThat(git(bare, "rev-parse", "main").strip()).isEqualTo(result.commitId().orElseThrow());
            assertThat(server.requests()).extracting(GitHttpServer.Request::authorization).contains(Optional.of(expected));
            assertThat(Files.readString(work.resolve(".git/config"))).contains("url = http://" + address + "\n");
            assertThat(contents(work)).doesNotContain(MARKER);
        }
    }

    @Test
    void aUserAndPasswordInTheUrlAreSentAsCredentialsAndStoredNowhere() throws IOException {
        Path bare = GitCli.bare(temp.resolve("served/gitops.git"));
        String expected = basic("ci-bot", MARKER);
        Path work = temp.resolve("work");
        try (GitHttpServer server = GitHttpServer.serving(temp.resolve("served"), expected::equals)) {
            String address = LoopbackServers.HOST + ":" + server.port() + "/gitops.git";

            CommitTreeResult result = publish("http://ci-bot:" + MARKER + "@" + address, work).setAllowInsecureHttp(true).setPush(true).call();

            assertThat(result.status()).isEqualTo(CommitTreeResult.Status.PUSHED);
            assertThat(git(bare, "rev-parse", "main").strip()).isEqualTo(result.commitId().orElseThrow());
            assertThat(Files.readString(work.resolve(".git/config"))).contains("url = http://" + address + "\n").doesNotContain("ci-bot");
            assertThat(contents(work)).doesNotContain(MARKER);
        }
    }

    @Test
    void aCloneWhoseOriginStillHoldsATokenIsReusedAndLosesIt() throws IOException {
        Path bare = GitCli.bare(temp.resolve("served/gitops.git"));
        GitCli.pushFromElsewhere(bare, temp, "main", "seed", Map.of(Trees.ROOT + "/README.md", "hello\n"));
        String expected = basic(HttpCredentials.TOKEN_USER, MARKER);
        Path work = temp.resolve("work");
        try (GitHttpServer server = GitHttpServer.serving(temp.resolve("served"), expected::equals)) {
            String address = LoopbackServers.HOST + ":" + server.port() + "/gitops.git";
            String withToken = "http://" + HttpCredentials.TOKEN_USER + ":" + MARKER + "@" + address;
            git(temp, "clone", "--quiet", withToken, work.toString());

            CommitTreeResult result = publish(withToken, work).setAllowInsecureHttp(true).setPush(true).call();

            assertThat(result.status()).isEqualTo(CommitTreeResult.Status.PUSHED);
            assertThat(Files.readString(work.resolve(".git/config"))).contains("url = http://" + address + "\n");
            assertThat(Files.readString(work.resolve(".git/config"))).doesNotContain(MARKER);
        }
    }

    @Test
    void credentialsAreNotSentOverPlainHttpUnlessAllowed() {
        GitCli.bare(temp.resolve("served/gitops.git"));
        Path work = temp.resolve("work");
        try (GitHttpServer server = GitHttpServer.serving(temp.resolve("served"), authorization -> true)) {
            String url = server.base() + "/gitops.git";

            GitOpsException fromEnvironment = catchThrowableOfType(GitOpsException.class,
                    () -> publish(url, work).setEnvironment(Map.of("MLGITOPS_GIT_TOKEN", MARKER)).setPush(true).call());
            GitOpsException fromUrl = catchThrowableOfType(GitOpsException.class,
                    () -> publish(url.replace("http://", "http://" + MARKER + "@"), work).setPush(true).call());
            GitOpsException reading = catchThrowableOfType(GitOpsException.class,
                    () -> GitOps.readTree(url.replace("http://", "http://u:" + MARKER + "@"), Trees.ROOT).setWorkFolder(work).call());

            String message = "reaching " + url + ": credentials are not sent over plain http, where anyone on the way can read them;"
                    + " use the https URL, or allow it with allowInsecureHttp (-Dmlgitops.allowInsecureHttp=true, --allow-insecure-http)";
            assertThat(fromEnvironment).hasMessage(message);
            assertThat(fromUrl).hasMessage(message);
            assertThat(reading).hasMessage(message);
            assertThat(server.requests()).as("nothing reached the server").isEmpty();
            assertThat(work).doesNotExist();
        }
    }

    @Test
    void withoutCredentialsPlainHttpIsUsedAsItIs() {
        Path bare = GitCli.bare(temp.resolve("served/gitops.git"));
        GitCli.pushFromElsewhere(bare, temp, "main", "seed", Map.of(Trees.ROOT + "/README.md", "hello\n"));
        try (GitHttpServer server = GitHttpServer.serving(temp.resolve("served"), authorization -> authorization == null)) {

            Map<String, String> files = GitOps.readTree(server.base() + "/gitops.git", Trees.ROOT).setWorkFolder(temp.resolve("work")).call();

            assertThat(files).containsEntry("README.md", "hello\n");
        }
    }

    @Test
    void aRedirectToAnotherPortGetsNoCredentials() {
        GitCli.bare(temp.resolve("served/gitops.git"));
        Path work = temp.resolve("work");
        try (GitHttpServer elsewhere = GitHttpServer.serving(temp.resolve("served"), authorization -> authorization != null);
                GitHttpServer asked = GitHttpServer.redirectingTo(elsewhere.base())) {

            GitOpsException failure = catchThrowableOfType(GitOpsException.class, () -> publish(asked.base() + "/gitops.git", work)
                    .setEnvironment(Map.of("MLGITOPS_GIT_TOKEN", MARKER)).setAllowInsecureHttp(true).setPush(true).call());

            assertThat(asked.requests()).as("the server asked was reached").isNotEmpty();
            assertThat(elsewhere.requests()).as("the redirect was followed").isNotEmpty();
            assertThat(elsewhere.requests()).allSatisfy(request -> assertThat(request.authorization()).isEmpty());
            assertThat(failure).hasMessageContaining("not authorized");
            assertThat(failure.getMessage()).doesNotContain(MARKER);
        }
    }

    @Test
    void aRedirectAfterTheCredentialsWereAcceptedCarriesThemNoFurther() {
        GitCli.bare(temp.resolve("served/gitops.git"));
        Path work = temp.resolve("work");
        try (GitHttpServer elsewhere = GitHttpServer.serving(temp.resolve("served"), authorization -> authorization != null);
                GitHttpServer asked = GitHttpServer.redirectingTo(elsewhere.base(), true)) {

            GitOpsException failure = catchThrowableOfType(GitOpsException.class, () -> publish(asked.base() + "/gitops.git", work)
                    .setEnvironment(Map.of("MLGITOPS_GIT_TOKEN", MARKER)).setAllowInsecureHttp(true).setPush(true).call());

            assertThat(asked.requests()).extracting(GitHttpServer.Request::authorization)
                    .as("the server asked got the token").contains(Optional.of(basic(HttpCredentials.TOKEN_USER, MARKER)));
            assertThat(elsewhere.requests()).allSatisfy(request -> assertThat(request.authorization()).isEmpty());
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).doesNotContain(MARKER);
        }
    }
}
