package dev.mlgitops.maven;

/**
 * The user properties the goals read ({@code -Dmlgitops.spec=...}), in one place so the
 * annotations, the README and the tests cannot drift apart.
 */
public final class PluginProperties {

    /** The spec file to read; default <code>${basedir}/mlproject.yaml</code>. */
    public static final String SPEC = "mlgitops.spec";

    /** Where {@code generate} writes; the tree lands in {@code <outputDirectory>/<spec.gitops.path>/}. */
    public static final String OUTPUT_DIRECTORY = "mlgitops.outputDirectory";

    /** {@code true} skips the goal. */
    public static final String SKIP = "mlgitops.skip";

    /** A folder of templates that replace the built-in blueprints of the same relative path. */
    public static final String BLUEPRINTS = "mlgitops.blueprints";

    /** What fails the build: {@code error} (the default) or {@code warning}. */
    public static final String FAIL_ON = "mlgitops.failOn";

    private PluginProperties() {
    }
}
