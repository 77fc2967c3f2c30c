package dev.mlgitops;

import java.util.Locale;

/**
 * Every option of the front ends, in one place: the Maven plugin's user property
 * ({@code -Dmlgitops.allowDeletions}), the command line's flag ({@code --allow-deletions}) and the
 * default both show. The flag is the property without {@code mlgitops.} and without the
 * {@code gitops.} group, in kebab case; a test walks both front ends and fails on any difference.
 */
public final class Options {

    /** The spec file to read. */
    public static final String SPEC = "mlgitops.spec";
    public static final String SPEC_FLAG = "--spec";
    /** The spec's default, in the project's (Maven) or the current (CLI) folder. */
    public static final String SPEC_DEFAULT = "mlproject.yaml";

    /** {@code generate}: where the tree is written, {@code <outputDirectory>/<spec.gitops.path>/}; {@code check} and {@code diff}: the folder compared with instead of the repository. */
    public static final String OUTPUT_DIRECTORY = "mlgitops.outputDirectory";
    public static final String OUTPUT_DIRECTORY_FLAG = "--output-directory";

    /** A folder of templates that replace the built-in blueprints of the same relative path. */
    public static final String BLUEPRINTS = "mlgitops.blueprints";
    public static final String BLUEPRINTS_FLAG = "--blueprints";

    /** A comma list of environments: only theirs are written or compared (and the shared files). */
    public static final String ENVIRONMENTS = "mlgitops.environments";
    public static final String ENVIRONMENTS_FLAG = "--environments";

    /** A comma list of namespaces no environment may deploy to, beside the reserved argocd, default and kube-*. */
    public static final String DENIED_NAMESPACES = "mlgitops.deniedNamespaces";
    public static final String DENIED_NAMESPACES_FLAG = "--denied-namespaces";

    /** What fails the run: {@code error} or {@code warning}. */
    public static final String FAIL_ON = "mlgitops.failOn";
    public static final String FAIL_ON_FLAG = "--fail-on";
    public static final String FAIL_ON_DEFAULT = "error";

    /** Where the Argo CD Applications live: {@code team-namespaces} or {@code argocd-namespace}; see docs/trust-model.md. */
    public static final String APPLICATIONS_IN = "mlgitops.applicationsIn";
    public static final String APPLICATIONS_IN_FLAG = "--applications-in";
    public static final String APPLICATIONS_IN_DEFAULT = "team-namespaces";

    /** {@code true} skips the goal (Maven only: a command line skips a command by not running it). */
    public static final String SKIP = "mlgitops.skip";

    /** {@code generate}: skip the work when the inputs and the written tree are as the last run left them. */
    public static final String INCREMENTAL = "mlgitops.incremental";
    public static final String INCREMENTAL_FLAG = "--incremental";
    public static final String INCREMENTAL_DEFAULT = "true";

    /**
     * {@code check} and {@code diff}: the report's form, {@code text}, {@code json} or {@code markdown}
     * (the review's summary, for a CI step summary); the command line prints it on stdout, the
     * plugin writes {@code <goal>.json} or {@code <goal>-summary.md} into its report folder.
     */
    public static final String OUTPUT = "mlgitops.output";
    public static final String OUTPUT_FLAG = "--output";
    public static final String OUTPUT_DEFAULT = "text";

    /** {@code diff} and {@code promote}: the Markdown review's file. */
    public static final String REVIEW = "mlgitops.review";
    public static final String REVIEW_FLAG = "--review";

    /**
     * The GitOps repository: a URL or a local path; default {@code spec.gitops.repoURL}. The plugin
     * reads the property itself rather than binding it, so that {@code mvn -X} never logs it, and
     * refuses a URL with a user name or password.
     */
    public static final String REPOSITORY = "mlgitops.gitops.repository";
    public static final String REPOSITORY_FLAG = "--repository";

    /** The branch Argo CD syncs, published to and compared with; default {@code spec.gitops.targetRevision}. */
    public static final String BRANCH = "mlgitops.gitops.branch";
    public static final String BRANCH_FLAG = "--branch";

    /** {@code publish} commits on this new branch (made from the branch), for a pull request. */
    public static final String NEW_BRANCH = "mlgitops.gitops.newBranch";
    public static final String NEW_BRANCH_FLAG = "--new-branch";

    /** The settings.xml server whose credentials reach an HTTPS repository (Maven only: the CLI reads MLGITOPS_GIT_*). */
    public static final String SERVER_ID = "mlgitops.gitops.serverId";

    /** {@code true} lets credentials go to a plain {@code http://} repository, readable by anyone on the way. */
    public static final String ALLOW_INSECURE_HTTP = "mlgitops.allowInsecureHttp";
    public static final String ALLOW_INSECURE_HTTP_FLAG = "--allow-insecure-http";
    public static final String ALLOW_INSECURE_HTTP_DEFAULT = "false";

    /** mlgitops' clone of the GitOps repository; default {@code <build folder>/mlgitops/gitops-clone}. */
    public static final String WORK_FOLDER = "mlgitops.gitops.workFolder";
    public static final String WORK_FOLDER_FLAG = "--work-folder";

    /** {@code publish}: push the branch. */
    public static final String PUSH = "mlgitops.push";
    public static final String PUSH_FLAG = "--push";
    public static final String PUSH_DEFAULT = "false";

    /** {@code publish}: the commit's subject line; default derived from the changed paths. */
    public static final String MESSAGE = "mlgitops.message";
    public static final String MESSAGE_FLAG = "--message";

    /** {@code publish}: the commit's author name; default the source repository's user.name. */
    public static final String AUTHOR_NAME = "mlgitops.author.name";
    public static final String AUTHOR_NAME_FLAG = "--author-name";

    /** {@code publish}: the commit's author email; default the source repository's user.email. */
    public static final String AUTHOR_EMAIL = "mlgitops.author.email";
    public static final String AUTHOR_EMAIL_FLAG = "--author-email";

    /** The share of the committed objects a publish may remove, in percent. */
    public static final String MAX_DELETIONS = "mlgitops.maxDeletions";
    public static final String MAX_DELETIONS_FLAG = "--max-deletions";
    public static final String MAX_DELETIONS_DEFAULT = "10";

    /** {@code true} lets a publish remove Applications and more than the share of objects. */
    public static final String ALLOW_DELETIONS = "mlgitops.allowDeletions";
    public static final String ALLOW_DELETIONS_FLAG = "--allow-deletions";
    public static final String ALLOW_DELETIONS_DEFAULT = "false";

    /** {@code true} lets a publish change production together with other environments. */
    public static final String ALLOW_PROD_WITH_OTHERS = "mlgitops.allowProdWithOthers";
    public static final String ALLOW_PROD_WITH_OTHERS_FLAG = "--allow-prod-with-others";
    public static final String ALLOW_PROD_WITH_OTHERS_DEFAULT = "false";

    /** {@code promote}: the environment that takes the release. */
    public static final String TO = "mlgitops.to";
    public static final String TO_FLAG = "--to";

    /** {@code promote}: the environment whose release it takes; default the one before {@code to}. */
    public static final String FROM = "mlgitops.from";
    public static final String FROM_FLAG = "--from";

    /** {@code promote}: a release id the target (or its source) had before, found in the repository's history: a rollback. */
    public static final String RELEASE = "mlgitops.release";
    public static final String RELEASE_FLAG = "--release";

    /** {@code promote}: {@code true} lets a release skip the environment before the target (flagged in the commit and the review). */
    public static final String ALLOW_SKIP = "mlgitops.allowSkip";
    public static final String ALLOW_SKIP_FLAG = "--allow-skip";
    public static final String ALLOW_SKIP_DEFAULT = "false";

    /** {@code init}: the new project's {@code metadata.name}. */
    public static final String NAME = "mlgitops.name";
    public static final String NAME_FLAG = "--name";
    public static final String NAME_DEFAULT = "my-project";

    /** {@code init}: the owning team's {@code metadata.team}. */
    public static final String TEAM = "mlgitops.team";
    public static final String TEAM_FLAG = "--team";
    public static final String TEAM_DEFAULT = "my-team";

    /** {@code init}: a comma list of the stages besides tenancy. */
    public static final String STAGES = "mlgitops.stages";
    public static final String STAGES_FLAG = "--stages";
    public static final String STAGES_DEFAULT = "training,model-registry,serving";

    /** {@code init}: overwrite an existing mlproject.yaml. */
    public static final String FORCE = "mlgitops.force";
    public static final String FORCE_FLAG = "--force";
    public static final String FORCE_DEFAULT = "false";

    private Options() {
    }

    /** The command line's flag for a property: {@code mlgitops.gitops.newBranch} is {@code --new-branch}. */
    public static String flag(String property) {
        String name = property.substring("mlgitops.".length());
        if (name.startsWith("gitops.")) {
            name = name.substring("gitops.".length());
        }
        return "--" + name.replace('.', '-').replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
