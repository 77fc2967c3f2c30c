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

    /** A comma list of environments: {@code generate} writes only theirs (and the shared files). */
    public static final String ENVIRONMENTS = "mlgitops.environments";

    /** {@code init}: the new project's {@code metadata.name}. */
    public static final String NAME = "mlgitops.name";

    /** {@code init}: the owning team's {@code metadata.team}. */
    public static final String TEAM = "mlgitops.team";

    /** {@code init}: a comma list of the stages besides tenancy, e.g. {@code training,serving}. */
    public static final String STAGES = "mlgitops.stages";

    /** {@code init}: {@code true} overwrites an existing mlproject.yaml. */
    public static final String FORCE = "mlgitops.force";

    private PluginProperties() {
    }
}
