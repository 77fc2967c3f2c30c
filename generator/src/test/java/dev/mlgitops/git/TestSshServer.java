package dev.mlgitops.git;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An SSH server on 127.0.0.1 (Apache MINA SSHD) that runs the stock {@code git upload-pack} and
 * {@code git receive-pack} for the repositories under one folder, accepting one client key. It
 * writes that client's private key and a known_hosts file holding its own host key.
 */
final class TestSshServer implements AutoCloseable {

    /** What a Git client asks an SSH server to run: {@code git-upload-pack '/path/repo.git'}. */
    private static final Pattern GIT_COMMAND = Pattern.compile("git[ -](upload-pack|receive-pack) '(/[^']*)'");
    private static final String KEY_TYPE = KeyPairProvider.ECDSA_SHA2_NISTP256;

    private final SshServer server;
    private final KeyPair hostKey;
    private final KeyPair clientKey;
    private final Path repositories;

    TestSshServer(Path repositories) {
        this.repositories = repositories.toAbsolutePath().normalize();
        try {
            this.hostKey = KeyUtils.generateKeyPair(KEY_TYPE, 256);
            this.clientKey = KeyUtils.generateKeyPair(KEY_TYPE, 256);
            server = SshServer.setUpDefaultServer();
            server.setHost(LoopbackServers.HOST);
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.getPublic()));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setCommandFactory(this::gitCommand);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only upload-pack and receive-pack of a repository under the served folder; git itself, no shell. */
    private Command gitCommand(ChannelSession channel, String command) throws IOException {
        Matcher matcher = GIT_COMMAND.matcher(command);
        if (!matcher.matches()) {
            throw new IOException("not a git command: " + command);
        }
        Path repository = Path.of(matcher.group(2)).normalize();
        if (!repository.startsWith(repositories)) {
            throw new IOException("not a served repository: " + repository);
        }
        return new GitPackProcess(List.of("git", matcher.group(1), repository.toString()));
    }

    String url(Path repository) {
        return "ssh://git@" + LoopbackServers.HOST + ":" + server.getPort() + repository.toAbsolutePath().normalize();
    }

    /** Writes the client's private key and a known_hosts file trusting this server into {@code sshDirectory}. */
    SshSettings clientSettings(Path home, Path sshDirectory) {
        try {
            Files.createDirectories(sshDirectory);
            Path identity = sshDirectory.resolve("id_ecdsa_test");
            try (OutputStream out = Files.newOutputStream(identity)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "mlgitops-test", null, out);
            }
            Path knownHosts = sshDirectory.resolve("known_hosts");
            Files.writeString(knownHosts, knownHostsLine(hostKey));
            return new SshSettings(home, sshDirectory, List.of(identity), List.of(knownHosts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A known_hosts line for this server's address holding {@code key}. */
    String knownHostsLine(KeyPair key) {
        return "[" + LoopbackServers.HOST + "]:" + server.getPort() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n";
    }

    static KeyPair anotherKey() {
        try {
            return KeyUtils.generateKeyPair(KEY_TYPE, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
