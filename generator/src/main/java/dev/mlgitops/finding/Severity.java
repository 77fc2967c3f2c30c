package dev.mlgitops.finding;

/** How bad a finding is, most severe first; only errors fail a build unless the caller asks for more. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
