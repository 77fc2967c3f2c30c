package dev.mlgitops.git;

import java.util.Locale;
import java.util.Objects;

import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * Answers JGit's question for a user name and password only when it asks for the repository's
 * own scheme, host and port: a server that redirects elsewhere (another host, another port, plain
 * http) gets no credentials from us, whatever it asks.
 */
final class HostBoundCredentials extends CredentialsProvider {

    private final HttpCredentials credentials;
    private final URIish repository;

    HostBoundCredentials(HttpCredentials credentials, String repositoryUrl) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        URIish parsed;
        try {
            parsed = new URIish(repositoryUrl);
        } catch (java.net.URISyntaxException e) {
            throw new GitOpsException("reading the repository URL " + Redaction.stripUserInfo(repositoryUrl)
                    + ": it is neither a URL nor a path");
        }
        this.repository = parsed;
    }

    /** Whether {@code asked} is the repository's scheme, host and port (the default port of the scheme when none is given). */
    boolean isFor(URIish asked) {
        return asked != null && lower(asked.getScheme()).equals(lower(repository.getScheme()))
                && lower(asked.getHost()).equals(lower(repository.getHost()))
                && port(asked) == port(repository);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static int port(URIish uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return switch (lower(uri.getScheme())) {
            case "http" -> 80;
            case "https" -> 443;
            case "ssh", "" -> 22;
            default -> -1;
        };
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        for (CredentialItem item : items) {
            if (!(item instanceof CredentialItem.Username || item instanceof CredentialItem.Password)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        if (!isFor(uri)) {
            return false;
        }
        for (CredentialItem item : items) {
            if (item instanceof CredentialItem.Username username) {
                username.setValue(credentials.username());
            } else if (item instanceof CredentialItem.Password password) {
                password.setValue(credentials.password().toCharArray());
            } else {
                throw new UnsupportedCredentialItem(uri, item.getClass().getName() + ":" + item.getPromptText());
            }
        }
        return true;
    }
}
