package dev.mlgitops.git;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The GitOps repository as the transport commands reach it: its URL without credentials (a
 * password, or over HTTP a token given as the user name, goes into the credentials, never into the
 * clone's configuration), the URL for messages, the credentials, which are offered to the host and
 * port asked only, and the SSH session factory when the URL is an SSH one. Closing it closes SSH.
 */
final class Remote implements AutoCloseable {

    /** Anything but JGit's "git-receive-pack" makes JGit fork it; exec keeps the shell JGit starts it in out of the way. */
    private static final String FORKED_RECEIVE_PACK = "exec git-receive-pack";

    private final String url;
    private final String display;
    private final Optional<HttpCredentials> credentials;
    private final SshSettings ssh;
    private final Duration timeout;
    private final Redaction redaction;
    private final HttpCredentials.Variables variables;
    private SshdSessionFactory sshSessions;
    private HostBoundCredentials bound;

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
     * @param given credentials given by the caller, before any in the URL, before the environment's
     * @param allowInsecureHttp whether credentials may go over plain {@code http://}
     * @throws GitOpsException when the URL cannot be read, or credentials would go over plain http unallowed
     */
    static Remote of(String repository, Optional<HttpCredentials> given, Optional<HttpCredentials> environment,
            HttpCredentials.Variables variables, SshSettings ssh, Duration timeout, boolean allowInsecureHttp) {
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
        boolean http = isHttp(uri);
        Optional<HttpCredentials> credentials = given.or(() -> fromUrl(uri, environment)).or(() -> environment);
        // over HTTP the user information is a credential: it goes to the provider, never into the clone's configuration;
        // an SSH user name (git@host) is part of the address and stays
        String stored = http && (uri.getUser() != null || uri.getPass() != null) ? uri.setPass(null).setUser(null).toString()
                : uri.getPass() != null ? uri.setPass(null).toString() : repository;
        if (credentials.isPresent() && "http".equalsIgnoreCase(uri.getScheme()) && !allowInsecureHttp) {
            throw new GitOpsException("reaching " + Redaction.stripUserInfo(repository) + ": " + Remedies.INSECURE_HTTP);
        }
        return new Remote(stored, credentials, ssh, timeout, variables);
    }

    /**
     * The URL's own credentials: its user and password, else over HTTP a user name alone as a token
     * ({@code https://TOKEN@host/x.git}) unless the environment holds credentials.
     */
    private static Optional<HttpCredentials> fromUrl(URIish uri, Optional<HttpCredentials> environment) {
        if (uri.getPass() != null) {
            return Optional.of(new HttpCredentials(uri.getUser() == null ? HttpCredentials.TOKEN_USER : uri.getUser(), uri.getPass()));
        }
        if (isHttp(uri) && uri.getUser() != null && !uri.getUser().isEmpty() && environment.isEmpty()) {
            return Optional.of(HttpCredentials.token(uri.getUser()));
        }
        return Optional.empty();
    }

    private static boolean isHttp(URIish uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

    String url() {
        return url;
    }

    /**
     * The receive-pack to push with: for a repository on this machine that has server-side hooks,
     * the stock {@code git-receive-pack} in its own process, which runs them as a server would
     * (JGit's in-process receiving runs none); else JGit's default.
     */
    Optional<String> receivePack() {
        return localRepository().filter(Remote::hasHooks).map(repository -> FORKED_RECEIVE_PACK);
    }

    private Optional<Path> localRepository() {
        try {
            URIish uri = new URIish(url);
            if (uri.getHost() == null && (uri.getScheme() == null || "file".equalsIgnoreCase(uri.getScheme()))) {
                return Optional.of(Path.of(uri.getPath()));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not a path: a network remote
        }
        return Optional.empty();
    }

    /** Whether the repository (bare, or a work tree's .git) has an active hook: an executable file not named *.sample. */
    static boolean hasHooks(Path repository) {
        Path hooks = Files.isRegularFile(repository.resolve("HEAD")) ? repository.resolve("hooks") : repository.resolve(".git/hooks");
        if (!Files.isDirectory(hooks)) {
            return false;
        }
        try (Stream<Path> files = Files.list(hooks)) {
            return files.anyMatch(file -> Files.isRegularFile(file) && Files.isExecutable(file)
                    && !file.getFileName().toString().endsWith(".sample"));
        } catch (IOException e) {
            return false;
        }
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
        credentials.ifPresent(c -> command.setCredentialsProvider(boundCredentials()));
        command.setTransportConfigCallback(this::configure);
        return command;
    }

    private void configure(Transport transport) {
        if (transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(sshSessions());
        }
        if (transport instanceof TransportHttp http && credentials.isPresent()) {
            http.setHttpConnectionFactory(new HostBoundConnections(boundCredentials()));
        }
    }

    private HostBoundCredentials boundCredentials() {
        if (bound == null) {
            bound = new HostBoundCredentials(credentials.orElseThrow(), url);
        }
        return bound;
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
