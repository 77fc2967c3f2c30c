package dev.mlgitops;

import java.util.Locale;
import java.util.Optional;

/**
 * The form of the report of {@code check} and {@code diff} ({@value Options#OUTPUT}): the
 * command line prints it on stdout, the Maven plugin writes it beside its other reports.
 */
public enum Output {
    /** Lines for a person: the drift notation, the review's counts and flags. The default. */
    TEXT,
    /** The findings report with the drift, for a machine. */
    JSON,
    /** The review's summary in Markdown, for a CI step summary (GitHub's {@code GITHUB_STEP_SUMMARY}). */
    MARKDOWN;

    /** {@code text}, {@code json} or {@code markdown}, in any case; empty for anything else. */
    public static Optional<Output> parse(String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (Output output : values()) {
            if (output.name().equals(name)) {
                return Optional.of(output);
            }
        }
        return Optional.empty();
    }

    /** The message for a value {@link #parse} refused, naming how it was given (e.g. {@code -Dmlgitops.output=x}). */
    public static String refusal(String given) {
        return given + " is not an output form: use text, json or markdown";
    }
}
