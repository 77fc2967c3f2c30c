package dev.mlgitops.git;

import static dev.mlgitops.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.mlgitops.layout.OutputTree;

/**
 * Publishing over real network transports on 127.0.0.1: the stock git daemon, an SSH server
 * running the stock git pack commands, and an HTTP server that refuses every credential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkRemotesTest {

    private static final String MARKER = "SECRET-MARKER-7f3a";

    private Path temp;
    private Path served;
    private LoopbackServers.GitDaemon daemon;
    private TestSshServer ssh;
    private HttpServer refusing;
    private final AtomicInteger authorizationsSeen = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();

    @BeforeAll
    void startServers(@TempDir Path folder) throws IOException {
        temp = folder;
        served = Files.createDirectories(temp.resolve("served"));
        daemon = new LoopbackServers.GitDaemon(served);
        ssh = new TestSshServer(served);
        refusing = HttpServer.create(new InetSocketAddress(LoopbackServers.HOST, 0), 0);
        refusing.createContext("/", exchange -> {
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                authorizationsSeen.incrementAndGet();
            }
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"gitops\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        refusing.start();
    }

    @AfterAll
    void stopServers() {
        if (refusing != null) {
            refusing.stop(0);
        }
        if (ssh != null) {
            ssh.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    private Path newBare() {
        return GitCli.bare(served.resolve("gitops-" + names.incrementAndGet() + ".git"));
    }

    private Path newWorkFolder() {
        return temp.resolve("work-" + names.incrementAndGet());
    }

    private CommitTreeCommand publish(OutputTree tree, String url, Path workFolder) {
        return GitOps.publish(tree, url).setBranch("main").setWorkFolder(workFolder).setEnvironment(Map.of())
                .setSsh(new SshSettings(temp, temp.resolve("no-ssh"), List.of(), List.of()));
    }

    @Test
    void publishesOverTheGitDaemonAndTheStockClientSeesTheCommit() {
        Path bare = newBare();
        String url = daemon.url(bare.getFileName().toString());
        Path work = newWorkFolder();

        CommitTreeResult first = publish(Trees.first(), url, work).setPush(true).call();
        CommitTreeResult second = publish(Trees.second(), url, work).setPush(true).call();

        assertThat(first.status()).isEqualTo(CommitTreeResult.Status.PUSHED);
        assertThat(second.status()).isEqualTo(CommitTreeResult.Status.PUSHED);
        assertThat(git(temp, "ls-remote", url, "refs/heads/main")).startsWith(second.commitId().orElseThrow() + "\trefs/heads/main");
        assertThat(git(bare, "rev-list", "--count", "main").strip()).isEqualTo("2");
        git(bare, "fsck", "--strict", "--no-progress");
    }

    @Test
    void aPushTheRemoteRefusesForItsOwnReasonIsRejectedAtOnceWithItsMessage() throws IOException {
        Path bare = newBare();
        Path hook = bare.resolve("hooks/pre-receive");
        Files.writeString(hook, "#!/bin/sh\necho 'main is protected' >&2\nexit 1\n");
        assertThat(hook.toFile().setExecutable(true)).isTrue();

        CommitTreeResult result = publish(Trees.first(), daemon.url(bare.getFileName().toString()), newWorkFolder())
                .setPush(true).call();

        assertThat(result.status()).isEqualTo(CommitTreeResult.Status.REJECTED);
        assertThat(result.retries()).isZero();
        assertThat(result.committed()).isTrue();
        assertThat(result.pushed()).isFalse();
        assertThat(result.rejection()).contains("REJECTED_OTHER_REASON: pre-receive hook declined; the remote said: main is protected");
        assertThat(git(bare, "for-each-ref")).isEmpty();
    }

    @Test
    void anUnreachableNetworkRemoteFailsNamingTheActionAndTheRepository() {
        String url = "git://" + LoopbackServers.HOST + ":" + LoopbackServers.freePort() + "/gitops.git";
        Path work = newWorkFolder();

        GitOpsException failure = catchThrowableOfType(GitOpsException.class, () -> publish(Trees.first(), url, work).setPush(true).call());

        assertThat(failure).hasMessage("cloning " + url + ": Connection refused; "
                + "check the repository URL and that the server is reachable");
        assertThat(!Files.exists(work) || isEmpty(work)).as("the work folder is left empty").isTrue();
    }

    @Test
    void publishesOverSshCheckingTheHostKey() {
        Path bare = newBare();
        Path work = newWorkFolder();
        SshSettings settings = ssh.clientSettings(temp.resolve("home-ok"), temp.resolve("home-ok/.ssh"));

        CommitTreeResult result = publish(Trees.first(), ssh.url(bare), work).setSsh(settings).setPush(true).call();
        CommitTreeResult again = publish(Trees.first(), ssh.url(bare), work).setSsh(settings).setPush(true).call();

        assertThat(result.status()).isEqualTo(CommitTreeResult.Status.PUSHED);
        assertThat(again.status()).isEqualTo(CommitTreeResult.Status.UNCHANGED);
        assertThat(git(bare, "rev-parse", "main").strip()).isEqualTo(result.commitId().orElseThrow());
        assertThat(git(bare, "log", "--format=%s", "main").strip())
                .isEqualTo("fraud: publish dev (serving), prod (serving, training), base (serving), project (argocd)");
        git(bare, "fsck", "--strict", "--no-progress");
    }

    @Test
    void anSshServerWhoseHostKeyIsNotKnownIsRefused() throws IOException {
        Path bare = newBare();
        Path work = newWorkFolder();
        SshSettings settings = ssh.clientSettings(temp.resolve("home-stranger"), temp.resolve("home-stranger/.ssh"));
        Files.writeString(settings.knownHostsFiles().get(0), ssh.knownHostsLine(TestSshServer.anotherKey()));
        String url = ssh.url(bare);

        GitOpsException failure = catchThrowableOfType(GitOpsException.class,
                () -> publish(Trees.first(), url, work).setSsh(settings).setPush(true).call());

        assertThat(failure).hasMessage("cloning " + url.replace("git@", "") + ": Server key did not validate; "
                + "add the server's host key to the known_hosts file (checked, e.g. from ssh-keyscan)");
        assertThat(git(bare, "for-each-ref")).isEmpty();
    }

    @Test
    void refusedCredentialsFailWithoutTheSecretInAnyMessageOrFile() throws IOException {
        String url = "http://" + LoopbackServers.HOST + ":" + refusing.getAddress().getPort() + "/gitops.git";
        Path work = newWorkFolder();
        int seenBefore = authorizationsSeen.get();

        GitOpsException failure = catchThrowableOfType(GitOpsException.class, () -> publish(Trees.first(), url, work)
                .setEnvironment(Map.of("MLGITOPS_GIT_TOKEN", MARKER)).setAllowInsecureHttp(true).setPush(true).call());

        assertThat(authorizationsSeen.get()).as("the token was offered").isGreaterThan(seenBefore);
        assertThat(failure).hasMessage("cloning " + url + ": not authorized; check the credentials: set MLGITOPS_GIT_TOKEN"
                + " (or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD), or give the user and password of the settings.xml server");
        assertThat(messages(failure)).doesNotContain(MARKER);
        assertThat(contents(work)).doesNotContain(MARKER);
    }

    @Test
    void aPasswordInTheUrlIsUsedButNeverShown() throws IOException {
        String address = LoopbackServers.HOST + ":" + refusing.getAddress().getPort() + "/gitops.git";
        Path work = newWorkFolder();

        GitOpsException failure = catchThrowableOfType(GitOpsException.class,
                () -> publish(Trees.first(), "http://someone:" + MARKER + "@" + address, work).setAllowInsecureHttp(true).call());

        assertThat(failure).hasMessageStartingWith("cloning http://" + address + ": not authorized; ");
        assertThat(messages(failure)).doesNotContain(MARKER).doesNotContain("someone");
        assertThat(contents(work)).doesNotContain(MARKER);
    }

    @Test
    void credentialsNeverReachTheCommitsOrTheFilesOfTheClone() throws IOException {
        Path bare = newBare();
        Path work = newWorkFolder();

        CommitTreeResult result = publish(Trees.first(), bare.toUri().toString(), work)
                .setCredentials(new HttpCredentials("someone", MARKER))
                .setEnvironment(Map.of("MLGITOPS_GIT_TOKEN", MARKER, "MLGITOPS_GIT_PASSWORD", MARKER))
                .setPush(true).call();

        assertThat(result.status()).isEqualTo(CommitTreeResult.Status.PUSHED);
        assertThat(git(bare, "log", "--all", "--format=%an %ae %cn %ce%n%B")).doesNotContain(MARKER);
        assertThat(contents(work)).doesNotContain(MARKER);
        assertThat(contents(bare)).doesNotContain(MARKER);
        assertThat(new HttpCredentials("someone", MARKER).toString()).doesNotContain(MARKER);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(suppressed).append('\n');
            }
        }
        return all.toString();
    }

    /** Every file under {@code folder} (its .git included), as text; also for the other tests of credentials. */
    static String contents(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return String.join("\n", texts);
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
