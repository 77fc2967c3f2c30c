package dev.mlgitops.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a credential written into a value: a URL's user information ({@code https://user:pw@host},
 * {@code https://token@host}), a key/value pair ({@code password=...}, {@code token: ...}) or a flag
 * ({@code --password=...}, {@code --api-key <value>}). It says what kind it found, never the value.
 * A value taken from a variable ({@code $(DB_PASSWORD)}, {@code ${TOKEN}}) is no credential.
 */
final class Credentials {

    /** The longest scheme, user information and host looked at: a value of any length is scanned in linear time. */
    private static final int MAX_PART = 256;

    /**
     * The words that, ending a key's or a flag's name, say it holds a secret: {@code DB_PASSWORD=},
     * {@code --api-key}, but not {@code --tokenizer=} or {@code --token-file}.
     */
    private static final String SECRET_WORD = "(?:password|passwd|pwd|passphrase|token|api[-_]?key|apikey|access[-_]?key"
            + "|secret[-_]?key|client[-_]?secret|private[-_]?key)";

    /** {@code password=x}, {@code --db-password=x}, {@code token: x}, within a value. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?:^|[\\s;&,?'\"])-{0,2}[A-Za-z0-9_.-]{0,64}" + SECRET_WORD + "[ \\t]{0,8}[=:][ \\t]{0,8}([^\\s;&,'\"]+)",
            Pattern.CASE_INSENSITIVE);

    /** A flag whose next argument is the secret: {@code --password}, {@code -api-key}, {@code --token}. */
    private static final Pattern FLAG = Pattern.compile("-{1,2}[A-Za-z0-9_.-]{0,64}" + SECRET_WORD,
            Pattern.CASE_INSENSITIVE);

    private Credentials() {
    }

    /** The URL with credentials in {@code value}, shown as {@code scheme://***@host}; empty when none. */
    static Optional<String> urlWithCredentials(String value) {
        for (int separator = value.indexOf("://"); separator >= 0; separator = value.indexOf("://", separator + 3)) {
            int start = separator;
            while (start > 0 && separator - start < MAX_PART && isSchemeChar(value.charAt(start - 1))) {
                start--;
            }
            int at = separator + 3;
            while (at < value.length() && at - separator < MAX_PART && "/?#@ \t\r\n".indexOf(value.charAt(at)) < 0) {
                at++;
            }
            if (start == separator || at >= value.length() || value.charAt(at) != '@' || at == separator + 3) {
                continue;
            }
            String scheme = value.substring(start, separator);
            String userinfo = value.substring(separator + 3, at);
            int colon = userinfo.indexOf(':');
            boolean password = colon >= 0 && colon < userinfo.length() - 1;
            // a user name alone is no secret (ssh://git@host), except over HTTP, where it is the token
            String lower = scheme.toLowerCase(Locale.ROOT);
            if (password || lower.equals("https") || lower.equals("http")) {
                int end = at + 1;
                while (end < value.length() && end - at < MAX_PART && "/?#: \t\r\n".indexOf(value.charAt(end)) < 0) {
                    end++;
                }
                return Optional.of(scheme + "://***@" + value.substring(at + 1, end));
            }
        }
        return Optional.empty();
    }

    private static boolean isSchemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-';
    }

    /** What kind of credential {@code value} holds as plain text, e.g. "credentials in a URL"; empty when none. */
    static Optional<String> inValue(String value) {
        if (urlWithCredentials(value).isPresent()) {
            return Optional.of("credentials in a URL");
        }
        if (!mentionsSecretWord(value)) {
            return Optional.empty();
        }
        Matcher pair = KEY_VALUE.matcher(value);
        while (pair.find()) {
            if (!fromVariable(pair.group(1))) {
                return Optional.of("a secret key=value pair");
            }
        }
        return Optional.empty();
    }

    /**
     * The indexes of the arguments of {@code args} that hold a credential, in themselves or as the
     * value of the secret flag before them ({@code --api-key <value>}).
     */
    static List<Integer> inArguments(List<String> args) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (inValue(arg).isPresent()) {
                found.add(i);
            } else if (i > 0 && args.get(i - 1).startsWith("-") && mentionsSecretWord(args.get(i - 1))
                    && FLAG.matcher(args.get(i - 1)).matches() && !arg.startsWith("-") && !fromVariable(arg)) {
                found.add(i);
            }
        }
        return found;
    }

    /** A cheap test before the patterns: most values hold none of the secret words' stems. */
    private static boolean mentionsSecretWord(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("pass") || lower.contains("pwd") || lower.contains("token") || lower.contains("key")
                || lower.contains("secret");
    }

    private static boolean fromVariable(String value) {
        return value.startsWith("$");
    }
}
