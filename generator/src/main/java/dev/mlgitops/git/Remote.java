package dev.mlgitops.git;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The GitOps repository as the transport commands reach it: its URL without a password (that
 * goes into the credentials, never into the clone's configuration), the URL for messages, the
 * credentials, and the SSH session factory when the URL is an SSH one. Closing it closes SSH.
 */
final class Remote implements AutoCloseable {

    private final String url;
    private final String display;
    private final Optional<HttpCredentials> credentials;
    private final SshSettings ssh;
    private final Duration timeout;
    private final Redaction redaction;
    private final HttpCredentials.Variables variables;
    private SshdSessionFactory sshSessions;

    private Remote(String url, Optional<HttpCredentials> credentials, SshSettings ssh, Duration timeout,
            HttpCredentials.Variables variables) {
        this.variables = variables;
        this.url = url;
        this.display = Redaction.stripUserInfo(url);
        this.credentials = credentials;
        this.ssh = ssh;
        this.timeout = timeout;
        List<String> secrets = new ArrayList<>();
        credentials.ifPresent(c -> secrets.add(c.password()));
        this.redaction = new Redaction(secrets);
    }

    /**
     * @param repository a URL (https, ssh, git, file, scp-like) or a local path
     * @param given credentials given by the caller, before any password in the URL, before the environment's
     */
    static Remote of(String repository, Optional<HttpCredentials> given, Optional<HttpCredentials> environment,
            HttpCredentials.Variables variables, SshSettings ssh, Duration timeout) {
        URIish uri;
        try {
            uri = new URIish(repository);
        } catch (URISyntaxException e) {
            throw new GitOpsException("reading the repository URL " + Redaction.stripUserInfo(repository)
                    + ": it is neither a URL nor a path");
        }
        if (uri.getScheme() == null && uri.getHost() == null) {
            // a local path: absolute, so that the clone's origin does not depend on the working folder
            return new Remote(Path.of(repository).toAbsolutePath().normalize().toString(), Optional.empty(), ssh, timeout, variables);
        }
        Optional<HttpCredentials> fromUrl = uri.getPass() == null ? Optional.empty()
                : Optional.of(new HttpCredentials(uri.getUser() == null ? HttpCredentials.TOKEN_USER : uri.getUser(), uri.getPass()));
        String withoutPassword = uri.getPass() == null ? repository : uri.setPass(null).setUser(null).toString();
        Optional<HttpCredentials> credentials = given.or(() -> fromUrl).or(() -> environment);
        return new Remote(withoutPassword, credentials, ssh, timeout, variables);
    }

    String url() {
        return url;
    }

    /** The URL for messages: never with user information. */
    String display() {
        return display;
    }

    /** Redacts text that may hold a credential, such as the remote's answer to a push. */
    String redact(String text) {
        return redaction.apply(text);
    }

    /** The failure of {@code action}, redacted, with the remedy its reason calls for. */
    GitOpsException failure(String action, Throwable cause) {
        return redaction.failure(action, cause, Remedies.forReason(Redaction.reason(cause), variables));
    }

    /** Applies credentials, the SSH factory and the timeout to a clone, fetch or push. */
    <C extends TransportCommand<C, ?>> C configure(C command) {
        command.setTimeout((int) Math.max(1, timeout.toSeconds()));
        credentials.ifPresent(c -> command.setCredentialsProvider(provider(c)));
        command.setTransportConfigCallback(this::configure);
        return command;
    }

    private void configure(Transport transport) {
        if (transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(sshSessions());
        }
    }

    private static CredentialsProvider provider(HttpCredentials credentials) {
        return new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }

    /**
     * JGit's Apache MINA transport with explicit folders, so that nothing depends on the JVM's
     * idea of the home folder. Host keys are checked against the known-hosts files: nothing here
     * weakens that.
     */
    private SshdSessionFactory sshSessions() {
        if (sshSessions == null) {
            SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                    .setHomeDirectory(ssh.homeDirectory().toFile())
                    .setSshDirectory(ssh.sshDirectory().toFile());
            if (!ssh.identityFiles().isEmpty()) {
                builder.setDefaultIdentities(folder -> ssh.identityFiles());
            }
            if (!ssh.knownHostsFiles().isEmpty()) {
                builder.setDefaultKnownHostsFiles(folder -> ssh.knownHostsFiles());
            }
            sshSessions = builder.build(null);
        }
        return sshSessions;
    }

    @Override
    public void close() {
        if (sshSessions != null) {
            sshSessions.close();
        }
    }
}
