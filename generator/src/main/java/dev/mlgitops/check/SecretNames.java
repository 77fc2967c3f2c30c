package dev.mlgitops.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an environment variable's name says it holds a secret: one of its words (split at '_'
 * and at camel case) is PASSWORD, TOKEN, SECRET, ... or two adjacent words make API_KEY,
 * PRIVATE_KEY, ACCESS_KEY. Words, not substrings: TOKENIZER_PATH is not a token.
 */
public final class SecretNames {

    private static final Set<String> WORDS = Set.of("PASSWORD", "PASSWORDS", "PASSWD", "PASSPHRASE", "PWD", "TOKEN",
            "TOKENS", "SECRET", "SECRETS", "CREDENTIAL", "CREDENTIALS", "APIKEY", "PRIVATEKEY", "ACCESSKEY");
    private static final Set<String> KEY_PREFIXES = Set.of("API", "PRIVATE", "ACCESS", "SECRET", "SIGNING", "ENCRYPTION");

    private SecretNames() {
    }

    public static boolean looksSecret(String name) {
        List<String> words = words(name);
        for (int i = 0; i < words.size(); i++) {
            if (WORDS.contains(words.get(i))) {
                return true;
            }
            if (i > 0 && words.get(i).equals("KEY") && KEY_PREFIXES.contains(words.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean camel = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if (c == '_' || c == '-' || c == '.' || camel) {
                flush(word, words);
            }
            if (c != '_' && c != '-' && c != '.') {
                word.append(c);
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toUpperCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
