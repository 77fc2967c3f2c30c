package dev.mlgitops;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the generated Argo CD Applications live ({@value Options#APPLICATIONS_IN}), which decides
 * whom they can speak for; see docs/trust-model.md.
 */
public enum ApplicationsIn {
    /** Each environment's Applications in its own namespace, held to the project by Argo CD: the default. */
    TEAM_NAMESPACES("team-namespaces"),
    /** Every Application in Argo CD's own namespace, for installations without applications in any namespace. */
    ARGOCD_NAMESPACE("argocd-namespace");

    private final String option;

    ApplicationsIn(String option) {
        this.option = option;
    }

    /** The value the plugin and the command line take, e.g. {@code team-namespaces}. */
    public String option() {
        return option;
    }

    /** {@code team-namespaces} or {@code argocd-namespace}, in any case; empty for anything else. */
    public static Optional<ApplicationsIn> parse(String value) {
        String given = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (ApplicationsIn mode : values()) {
            if (mode.option.equals(given)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The message for a value {@link #parse} refused, naming how it was given (e.g. {@code --applications-in x}). */
    public static String refusal(String given) {
        return given + " is not a place for Applications: use team-namespaces or argocd-namespace";
    }
}
