package dev.mlgitops;

import java.util.Locale;
import java.util.Optional;

/** The least severity of finding that fails a run ({@value Options#FAIL_ON}). */
public enum FailOn {
    /** Errors fail the run, warnings are printed: the default. */
    ERROR,
    /** Warnings fail the run too. */
    WARNING;

    /** {@code error} or {@code warning}, in any case; empty for anything else. */
    public static Optional<FailOn> parse(String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (FailOn severity : values()) {
            if (severity.name().equals(name)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    /** The message for a value {@link #parse} refused, naming how it was given (e.g. {@code -Dmlgitops.failOn=x}). */
    public static String refusal(String given) {
        return given + " is not a severity: use error or warning";
    }
}
