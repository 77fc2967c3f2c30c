package dev.mlgitops.git;

import java.util.List;
import java.util.Locale;

/** What to do about a failed Git operation, by what its reason says; every hint lives here. */
final class Remedies {

    /** Why credentials are not sent to a plain http URL, and how to allow it. */
    static final String INSECURE_HTTP = "credentials are not sent over plain http, where anyone on the way can read them;"
            + " use the https URL, or allow it with allowInsecureHttp (-Dmlgitops.allowInsecureHttp=true, --allow-insecure-http)";

    private record Remedy(List<String> reasons, String hint) {
    }

    private Remedies() {
    }

    /** The hint for {@code reason}, or "" when none fits. */
    static String forReason(String reason, HttpCredentials.Variables names) {
        String lower = reason.toLowerCase(Locale.ROOT);
        for (Remedy remedy : remedies(names)) {
            if (remedy.reasons().stream().anyMatch(lower::contains)) {
                return remedy.hint();
            }
        }
        return "";
    }

    private static List<Remedy> remedies(HttpCredentials.Variables names) {
        return List.of(
                new Remedy(List.of("not authorized", "authentication is required", "authentication not supported"),
                        "check the credentials: set " + names.token() + " (or " + names.username() + " and "
                                + names.password() + "), or give the user and password of the settings.xml server"),
                new Remedy(List.of("server key did not validate", "host key"),
                        "add the server's host key to the known_hosts file (checked, e.g. from ssh-keyscan)"),
                new Remedy(List.of("no more authentication methods", "auth fail", "publickey"),
                        "check the SSH identity files and that the server accepts their key"),
                new Remedy(List.of("no space left on device", "disk quota exceeded"),
                        "make room on the disk of the work folder, or give a work folder on another disk"),
                new Remedy(List.of("connection refused", "unknownhost", "unknown host", "timed out", "timeout",
                        "no route to host", "cannot open", "not found", "not a git repository", "does not appear"),
                        "check the repository URL and that the server is reachable"));
    }
}
