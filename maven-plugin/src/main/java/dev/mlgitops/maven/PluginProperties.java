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

    /** Namespaces no environment may deploy to, beside the reserved ones: a comma list. */
    public static final String DENIED_NAMESPACES = "mlgitops.deniedNamespaces";

    /** The GitOps repository: a URL or a local path; default {@code spec.gitops.repoURL}. */
    public static final String REPOSITORY = "mlgitops.gitops.repository";

    /** The branch Argo CD syncs, published to and compared with; default {@code spec.gitops.targetRevision}. */
    public static final String BRANCH = "mlgitops.gitops.branch";

    /** {@code publish} commits on this new branch (made from the branch), for a pull request. */
    public static final String NEW_BRANCH = "mlgitops.gitops.newBranch";

    /** The settings.xml server whose username and password (or token) reach an HTTPS repository. */
    public static final String SERVER_ID = "mlgitops.gitops.serverId";

    /** The clone of the GitOps repository mlgitops works in; default {@code ${project.build.directory}/mlgitops/gitops-clone}. */
    public static final String WORK_FOLDER = "mlgitops.gitops.workFolder";

    /** {@code true} makes {@code publish} push the branch; default false. */
    public static final String PUSH = "mlgitops.push";

    /** The publish commit's author name; default the source repository's user.name. */
    public static final String AUTHOR_NAME = "mlgitops.author.name";

    /** The publish commit's author email; default the source repository's user.email. */
    public static final String AUTHOR_EMAIL = "mlgitops.author.email";

    /** The share of the committed objects a publish may remove, in percent; default 10. */
    public static final String MAX_DELETIONS = "mlgitops.maxDeletions";

    /** {@code true} lets a publish remove Applications and more than the share of objects. */
    public static final String ALLOW_DELETIONS = "mlgitops.allowDeletions";

    /** {@code true} lets a publish change production together with other environments. */
    public static final String ALLOW_PROD_WITH_OTHERS = "mlgitops.allowProdWithOthers";

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

    /** What fails the build: {@code error} (the default) or {@code warning}. */
    public static final String FAIL_ON = "mlgitops.failOn";
    public static final String INCREMENTAL = "mlgitops.incremental";

    private PluginProperties() {
    }
}
