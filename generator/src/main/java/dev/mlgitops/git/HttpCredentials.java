package dev.mlgitops.git;

import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.jgit.transport.URIish;

/**
 * A user name and password (or token) for an HTTPS remote. {@link #toString()} never shows the
 * password, so a record printed by mistake leaks nothing.
 */
public record HttpCredentials(String username, String password) {

    /** The user name sent with a bare token; GitHub, GitLab and Gitea accept any with a token. */
    static final String TOKEN_USER = "x-access-token";

    public HttpCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** An access token, sent as the password of a fixed user name. */
    public static HttpCredentials token(String token) {
        return new HttpCredentials(TOKEN_USER, token);
    }

    /**
     * The credentials the environment holds: the token variable when set (with the user name
     * variable when that is set too), else the user name and password variables when both are set.
     */
    public static Optional<HttpCredentials> fromEnvironment(Map<String, String> environment, Variables names) {
        String token = nonBlank(environment.get(names.token()));
        String username = nonBlank(environment.get(names.username()));
        String password = nonBlank(environment.get(names.password()));
        if (token != null) {
            return Optional.of(new HttpCredentials(username == null ? TOKEN_USER : username, token));
        }
        if (username != null && password != null) {
            return Optional.of(new HttpCredentials(username, password));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code url} carries credentials: a password in any URL, or over http(s) a user name
     * (which may be a token). An SSH user ({@code ssh://git@host/x}, {@code git@host:x}) is an address, not a credential.
     */
    public static boolean inUrl(String url) {
        try {
            URIish uri = new URIish(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return uri.getPass() != null || http && uri.getUser() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "HttpCredentials[username=" + username + ", password=****]";
    }

    /** The names of the environment variables credentials are read from. */
    public record Variables(String token, String username, String password) {

        public static Variables defaults() {
            return new Variables("MLGITOPS_GIT_TOKEN", "MLGITOPS_GIT_USERNAME", "MLGITOPS_GIT_PASSWORD");
        }
    }
}
