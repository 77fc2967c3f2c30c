package dev.mlgitops.git;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of every message: strips the user information from URLs and masks the
 * secrets in use, in our messages and in those of the exceptions we wrap.
 */
final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]*@");
    private static final Pattern URL_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://\\S*?: ");
    private static final String MASK = "****";
    /** Shorter values are too likely to appear by chance in ordinary text to be masked. */
    private static final int SHORTEST_SECRET = 4;

    private final Set<String> secrets = new LinkedHashSet<>();

    Redaction(Collection<String> secrets) {
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST_SECRET) {
                this.secrets.add(secret);
            }
        }
    }

    /** A URL without its user information: {@code https://user:token@host/x.git} becomes {@code https://host/x.git}. */
    static String stripUserInfo(String url) {
        return USER_INFO.matcher(url).replaceAll("$1");
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = stripUserInfo(text);
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /**
     * The failure of {@code action}: its message is the action, the causes' messages and the remedy; the
     * cause chain is kept as it was unless a message in it held a credential, in which case the
     * chain is replaced by copies with redacted messages (and the original stack traces).
     */
    GitOpsException failure(String action, Throwable cause, String remedy) {
        String message = apply(action + ": " + reason(cause)) + (remedy.isEmpty() ? "" : "; " + remedy);
        return new GitOpsException(message, leaksSomething(cause) ? redactedCopy(cause) : cause);
    }

    private boolean leaksSomething(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String text = t.getMessage();
            if (text != null && !text.equals(apply(text))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private Throwable redactedCopy(Throwable cause) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = cause; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable original = chain.get(i);
            Throwable redacted = new RedactedCause(original.getClass().getName() + ": " + apply(original.getMessage()), copy);
            redacted.setStackTrace(original.getStackTrace());
            copy = redacted;
        }
        return copy;
    }

    /** The messages along the cause chain, each new one once: JGit often repeats its cause's text. */
    static String reason(Throwable cause) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = cause; t != null && parts.size() < 3; t = t.getCause() == t ? null : t.getCause()) {
            // JGit starts its messages with the URL, which the action names already
            String text = t.getMessage() == null ? t.getClass().getSimpleName()
                    : URL_PREFIX.matcher(t.getMessage().strip()).replaceFirst("");
            if (parts.stream().noneMatch(part -> part.contains(text))) {
                parts.add(text);
            }
        }
        return String.join(": ", parts);
    }

    /** Stands in for a wrapped exception whose message held a credential. */
    static final class RedactedCause extends Exception {

        private static final long serialVersionUID = 1L;

        RedactedCause(String message, Throwable cause) {
            super(Objects.requireNonNull(message), cause);
        }
    }
}
