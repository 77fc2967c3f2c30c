package dev.mlgitops.finding;

import java.util.Locale;

/**
 * The catalog of finding codes: every message text and its remedy live here, so the wording is
 * in one place and tests can assert it. Each template is a {@link String#format} pattern.
 */
public enum Code {
    // load: reading the file
    YAML_EMPTY(Severity.ERROR, "the file is empty: start from the reference mlproject.yaml or run 'mvn mlgitops:init'"),
    YAML_TOO_LARGE(Severity.ERROR, "the file has %d bytes, more than the limit of %d: split data out of the spec"),
    YAML_ENCODING(Severity.ERROR, "the file is not valid UTF-8 (byte 0x%02X): save it as UTF-8"),
    YAML_SYNTAX(Severity.ERROR, "%s: fix the YAML syntax"),
    YAML_DUPLICATE_KEY(Severity.ERROR, "duplicate key '%s' (first at line %d): keep one of them"),
    YAML_ALIASES(Severity.ERROR, "more than %d aliases: expand them by hand, the spec does not need them"),
    YAML_DEPTH(Severity.ERROR, "nested deeper than %d levels: flatten the structure"),
    YAML_MULTIPLE_DOCUMENTS(Severity.ERROR, "the file holds more than one YAML document: keep one project per file"),
    YAML_NOT_A_MAPPING(Severity.ERROR, "the file must hold one mapping with apiVersion, kind, metadata and spec, found %s"),
    YAML_BOM(Severity.WARNING, "the file starts with a byte order mark: save it as UTF-8 without BOM"),
    YAML_NON_STRING_KEY(Severity.ERROR, "key %s is not a string: quote it"),
    YAML_TAG(Severity.ERROR, "the tag '%s' %s: remove it, and quote the value if it is a string"),
    YAML_TAG_DIRECTIVE(Severity.ERROR, "a %%TAG directive redefines tags: remove it, the spec needs no tags"),
    YAML_BIDI(Severity.ERROR, "the bidirectional control character U+%04X makes the text around it read other than it is: remove it"),
    YAML_FILE_NAME(Severity.ERROR, "the file's name '%s' holds a control character: rename the file"),

    // schema: the shape of the file
    SPEC_API_VERSION(Severity.ERROR, "'%s' is not a supported apiVersion: use '%s'"),
    SPEC_KIND(Severity.ERROR, "'%s' is not a supported kind: use '%s'"),
    SCHEMA_REQUIRED(Severity.ERROR, "required field '%s' is missing: add it"),
    SCHEMA_UNKNOWN_FIELD(Severity.ERROR, "unknown field '%s'%s"),
    SCHEMA_ENUM(Severity.ERROR, "'%s' is not one of %s%s"),
    SCHEMA_TYPE(Severity.ERROR, "%s: change the value's type"),
    SCHEMA_PATTERN(Severity.ERROR, "'%s' %s"),
    SCHEMA_RANGE(Severity.ERROR, "%s"),
    SCHEMA_INVALID(Severity.ERROR, "%s"),
    SCHEMA_CHOICE(Severity.ERROR, "it gives %s: give exactly one of %s"),

    // resolve: environments and references
    ENV_INVALID(Severity.ERROR, "environment '%s': its overrides leave an invalid spec: %s"),
    ENV_NEW_ITEM(Severity.ERROR, "environment '%s': the overrides name %s '%s', which the spec does not define%s: "
            + "fix the name; an item only this environment has needs every required field (%s)"),
    REF_IMAGE(Severity.ERROR, "image key '%s' is not defined under spec.images; known keys: %s"),
    REF_DATASET(Severity.ERROR, "dataset '%s' is not defined under spec.datasets%s; known datasets: %s"),
    REF_SECRET(Severity.ERROR, "secret '%s' is not an entry of spec.secrets.entries; known entries: %s"),
    ENV_UNKNOWN(Severity.ERROR, "environment '%s' was asked for but is not under spec.environments; known environments: %s"),
    ENV_FIXED(Severity.ERROR, "environment '%s' overrides '%s', which an environment cannot change: remove it; overrides may change %s"),
    SPEC_COST(Severity.ERROR, "the spec asks for %d workload items (served models, pipelines and notebooks) in %d environments: (items + 1) x (environments + 1) is %d, more than the limit of %d: split the project into several specs"),

    // init: a starter spec
    INIT_NAME(Severity.ERROR, "'%s' is not a valid %s: use at most %d lowercase letters, digits and '-', starting with a letter and ending with a letter or digit"),
    INIT_STAGE(Severity.ERROR, "'%s' is not a stage: use any of %s"),
    INIT_EXISTS(Severity.ERROR, "%s exists already: edit it, or force init to overwrite it"),

    // check: what a schema cannot say
    CHECK_STEP_UNKNOWN(Severity.ERROR, "step '%s' depends on '%s', which is not a step of this pipeline; steps: %s"),
    CHECK_STEP_CYCLE(Severity.ERROR, "the steps depend on each other in a cycle: %s; remove one of these dependsOn entries"),
    CHECK_DATASET_PORT(Severity.ERROR, "dataset '%s' is read over %s://, whose port mlgitops does not know, so the training pods' egress cannot allow it: give the port in the URI (%s://host:port/...)"),
    CHECK_REGISTER_WITHOUT_REGISTRY(Severity.ERROR, "registerModel '%s' needs a model registry: add spec.modelRegistry or remove registerModel"),
    CHECK_MODEL_SOURCE(Severity.ERROR, "served model '%s' gives %s: give model.storageUri for stored files, or model.registered ({model, alias} or {model, version}) for a version of the model registry"),
    CHECK_REGISTERED_WITHOUT_REGISTRY(Severity.ERROR, "served model '%s' loads registered model '%s', which only the project's model registry resolves: add spec.modelRegistry or give model.storageUri instead"),
    CHECK_REGISTERED_ALIAS(Severity.WARNING, "served model '%s' loads registered model '%s' by alias '%s' in environment '%s', which keeps its release until promoted, but an alias names whatever version it points at when a pod starts, so moving it changes what new pods serve without a commit or a promotion: pin model.registered.version (in environments.%s.overrides, or in the spec and promote it), or waive the rule on the model with a reason"),
    CHECK_REGISTER_UNSCHEDULED_PYTORCHJOB(Severity.ERROR, "pytorchjob pipeline '%s' asks for registerModel without a schedule: a PyTorchJob that runs once is a plain object of the training Application, with nothing after it to wait for its end and register (a sync hook would register again on every sync): give the pipeline a schedule (its CronWorkflow registers after each run), or register from the training code (mlflow.register_model)"),
    CHECK_GATE_BOUND(Severity.ERROR, "the gate on metric '%s' gives neither min nor max, so it would pass every model: give the least (min) or the most (max) value the metric may have"),
    CHECK_GATE_RANGE(Severity.ERROR, "the gate on metric '%s' asks for at least %s and at most %s, which no value meets: lower min or raise max"),
    CHECK_REPLICAS_ORDER(Severity.ERROR, "replicas.min (%d) is greater than replicas.max (%d): lower min or raise max"),
    CHECK_QUALITY_MODEL(Severity.ERROR, "monitoring.quality names '%s', which is not a model under spec.serving%s; served models: %s"),
    CHECK_CANARY_ENGINE(Severity.ERROR, "canary traffic needs engine kserve, but '%s' uses engine %s: remove canary or switch the engine"),
    CHECK_FIELD_OF_OTHER_ENGINE(Severity.WARNING, "'%s' of '%s' has no effect: engine %s does not read it (engine %s does): remove it, or switch the engine"),
    CHECK_AUTH_IDENTITY(Severity.ERROR, "'%s' asks for auth.type oauth2-proxy, which signs users in with spec.identity, but the spec has none: add spec.identity (issuer, clientId, clientSecret, cookieSecret) or use auth.type jwt"),
    CHECK_AUTH_ENGINE(Severity.ERROR, "'%s' runs on engine kserve with request logging (spec.monitoring.quality.%s), and KServe's agent, which sends the logged requests, takes every request from Knative's queue-proxy and forwards it to the model's own port, past the auth-proxy (docs/auth.md): set spec.monitoring.quality.%s.logging: false, or use auth.type jwt (Istio's sidecar checks the token before the agent), or engine deployment"),
    CHECK_NOTEBOOK_INGRESS(Severity.ERROR, "notebook '%s' asks for ingress, but without spec.identity nothing would sign users in before Jupyter: add spec.identity, or remove ingress and reach the notebook with kubectl port-forward"),
    CHECK_REGISTRY_AUTH_IDENTITY(Severity.ERROR, "the model registry asks for auth.type oauth2-proxy, which signs users in with spec.identity, but the spec has none: add spec.identity (issuer, clientId, clientSecret, cookieSecret) or remove modelRegistry.auth and open the UI with kubectl port-forward"),
    CHECK_REGISTRY_INGRESS(Severity.ERROR, "the model registry asks for ingress, but without auth.type oauth2-proxy nothing would sign users in before MLflow, which has no sign-in of its own: add modelRegistry.auth {type: oauth2-proxy}, or remove ingress and open the UI with kubectl port-forward"),
    CHECK_MODEL_FORMAT(Severity.ERROR, "model '%s' gives format '%s', but engine %s reads the format from the model's files: remove model.format"),
    CHECK_CRON(Severity.ERROR, "'%s' is not a valid cron schedule: %s"),
    CHECK_QUANTITY_ZERO(Severity.ERROR, "%s is zero: give a positive amount"),
    CHECK_NAME_TOO_LONG(Severity.ERROR, "the generated name '%s' has %d characters, more than the %d a %s allows: shorten '%s' or metadata.name"),
    CHECK_SAME_PLACEMENT(Severity.ERROR, "environments '%s' and '%s' both deploy to namespace '%s' of cluster '%s': give each its own namespace"),
    CHECK_CLUSTER_CHOICE(Severity.ERROR, "environment '%s' gives %s: give cluster for one cluster or clusters for a fleet"),
    CHECK_FLEET_DUPLICATE(Severity.ERROR, "%s is listed twice in the clusters of environment '%s' (first as item %d): list each cluster once"),
    CHECK_FLEET_SERVERS(Severity.ERROR, "cluster '%s' has no server while '%s' has one: give every listed cluster a server, or none (then each name is an Argo CD cluster secret's)"),
    CHECK_FLEET_ROLLOUT(Severity.ERROR, "environment '%s': %s"),
    CHECK_GPU_OVER_QUOTA(Severity.ERROR, "%s asks for %s GPUs, more than the tenancy quota of %s: lower the request or raise spec.tenancy.quota.gpu"),
    CHECK_EXISTING_SECRET_NAME(Severity.ERROR, "'%s' is not a Secret name, yet with provider existing the key of entry '%s' names the Secret to use: give the name of a Secret in the namespace (lowercase letters, digits, '-' and '.')"),
    CHECK_OVERRIDE_UNKNOWN(Severity.ERROR, "removes %s '%s', which the spec does not define; defined: %s"),
    CHECK_PLAIN_SECRET(Severity.ERROR, "'%s' looks like a secret but has a plain value: move it to secretEnv as {secret: <entry>, key: <key>}"),
    CHECK_FEAST_REGISTRY(Severity.ERROR, "Feast reads its registry from s3://, gs://, file:// or a path, not from %s://: move the registry there (Azure Blob needs Feast's AzureRegistryStore, which mlgitops does not generate)"),
    CHECK_MLFLOW_IMAGE(Severity.ERROR, "image '%s' is MLflow's base image, without %s, so the tracking server fails at start: use %s (MLflow's -full image, 3.9 and later) or an image built from the base with pip install %s"),
    CHECK_WAIVER_REASON(Severity.ERROR, "the waiver of %s gives no reason: say why the rule does not apply to this item"),
    CHECK_WAIVER_UNKNOWN(Severity.ERROR, "'%s' is not a rule that can be waived%s; rules: %s"),
    CHECK_RESERVED_NAMESPACE(Severity.ERROR, "namespace '%s' %s: give the environment a namespace of the project's own"),
    CHECK_CLUSTER_NAMESPACE(Severity.ERROR, "'%s' is the namespace of environment %s itself, not of a cluster component: name the namespace the component runs in"),
    CHECK_SYSTEM_SUBJECT(Severity.ERROR, "'%s' is a Kubernetes system identity, which a project may not grant access to: name users and groups of your identity provider"),
    CHECK_GITOPS_PATH(Severity.ERROR, "'%s' %s: give a folder such as projects/my-project"),
    CHECK_REF_NAME(Severity.ERROR, "'%s' is not a valid Git branch or tag name: %s"),
    CHECK_URL_CREDENTIALS(Severity.ERROR, "the URL carries credentials before '@' (%s): remove them; Git credentials come from MLGITOPS_GIT_TOKEN or settings.xml, a store's from its secret"),
    CHECK_PLAIN_SECRET_VALUE(Severity.ERROR, "%s holds %s in plain text: take it from a Secret through secretEnv as {secret: <entry>, key: <key>}"),

    // render and type: the blueprints
    RENDER_UNSUPPORTED(Severity.WARNING, "%s is not rendered by this version of mlgitops yet; its objects are left out"),
    RENDER_FAILED(Severity.ERROR, "blueprint %s failed: %s"),
    RENDER_METRIC_UNSUPPORTED(Severity.ERROR, "autoscaling metric '%s' of model '%s' needs a metrics adapter that engine %s cannot assume: use metric cpu or memory, or engine kserve"),
    RENDER_KSERVE_HOST(Severity.WARNING, "model '%s' asks for host '%s', but KServe's Knative mode takes hosts from the cluster's domain template: set ingress.domainTemplate in the inferenceservice-config ConfigMap (and Knative's config-domain) so the model answers at that host%s"),
    TYPE_UNKNOWN_KIND(Severity.ERROR, "blueprint %s rendered %s, a kind mlgitops does not know: fix the blueprint"),
    TYPE_UNKNOWN_FIELD(Severity.ERROR, "blueprint %s rendered field '%s' that %s does not have: fix the blueprint"),
    TYPE_INVALID(Severity.ERROR, "blueprint %s rendered an invalid %s: %s"),
    TYPE_DUPLICATE_OBJECT(Severity.ERROR, "two objects are named %s in environment '%s' (blueprints %s and %s): rename one of the items"),

    // policy: security and reliability of the typed objects; each can be waived per item
    POLICY_LATEST_TAG(Severity.ERROR, "%s: container '%s' uses image '%s', which is not pinned: give it a version tag or an @sha256 digest under spec.images"),
    POLICY_RESOURCES(Severity.ERROR, "%s: container '%s' sets no %s: set resources.cpu and resources.memory"),
    POLICY_PROBES(Severity.WARNING, "%s: container '%s' serves without a %s probe: set health.liveness and health.readiness"),
    POLICY_RUN_AS_NON_ROOT(Severity.ERROR, "%s: container '%s' may run as root: set securityContext.runAsNonRoot: true and a runAsUser other than 0"),
    POLICY_PRIVILEGE_ESCALATION(Severity.ERROR, "%s: container '%s' does not set allowPrivilegeEscalation: false: set it in the container's securityContext"),
    POLICY_PRIVILEGED(Severity.ERROR, "%s: container '%s' runs privileged: remove securityContext.privileged"),
    POLICY_HOST_ACCESS(Severity.ERROR, "%s uses %s: remove it, Pod Security restricted admits no host namespaces, host ports or hostPath volumes"),
    POLICY_READ_ONLY_ROOT(Severity.WARNING, "%s: container '%s' can write its root filesystem: set readOnlyRootFilesystem: true and mount an emptyDir where it writes"),
    POLICY_CAPABILITIES(Severity.ERROR, "%s: container '%s' %s: set capabilities.drop: [ALL] and add nothing but NET_BIND_SERVICE"),
    POLICY_SECCOMP(Severity.ERROR, "%s: container '%s' has %s: set securityContext.seccompProfile.type: RuntimeDefault on the pod"),
    POLICY_REPLICAS(Severity.WARNING, "%s may run %d replica in production, so any disruption stops it: set replicas.min to 2 or more"),
    POLICY_DISRUPTION_BUDGET(Severity.WARNING, "%s has no PodDisruptionBudget in production, so a node drain may stop every replica: use an engine that makes one"),
    POLICY_SECRET_ENV(Severity.ERROR, "%s: container '%s' sets %s as a plain value: take it from a Secret (secretEnv)"),
    POLICY_ROLE_BINDING(Severity.ERROR, "%s %s: bind only the ClusterRoles admin, edit or view, to users and groups of the identity provider (this rule cannot be waived)"),

    // function: the tree would run (connections, quota, admission)
    FUNCTION_UNREACHABLE(Severity.ERROR, "%s is blocked on %s (%s): allow it in the tenancy NetworkPolicies or set spec.tenancy.networkPolicy: open"),
    FUNCTION_AUTH_BYPASS(Severity.ERROR, "%s reaches port %s of %s past its %s: let the NetworkPolicies admit clients on the proxy's port only (spec.tenancy.networkPolicy: restricted)"),
    FUNCTION_AUTH_UPSTREAM(Severity.ERROR, "Knative's queue-proxy in %s sends every request to %s, not to its %s, so clients reach the model without signing in: declare a port on the auth-proxy container only, and give the predictor no logger or batcher (spec.monitoring.quality.<model>.logging: false)"),
    FUNCTION_POLICY_TOO_BROAD(Severity.WARNING, "the NetworkPolicies let %s reach %s on %s, which no connection of the tree needs: narrow the rule that allows it"),
    FUNCTION_QUOTA_WORKLOAD(Severity.ERROR, "%s at its largest scale (%s) asks for %s of %s, more than the namespace's quota of %s, so it never runs whole: lower its replicas, workers or resources, or raise spec.tenancy.quota.%s"),
    FUNCTION_QUOTA_TOGETHER(Severity.WARNING, "environment '%s': the always-on workloads at their largest scale with %s ask for %s of %s, more than the namespace's quota of %s, so they run only in turns: raise spec.tenancy.quota.%s or lower the replicas"),
    FUNCTION_ADMISSION(Severity.ERROR, "%s: %s is refused by the namespace's Pod Security level %s (%s): %s"),
    FUNCTION_EXECUTOR_TOKEN(Severity.ERROR, "%s: its pods automount no token, so Argo Workflows mounts the executor ServiceAccount's token from the Secret '%s', which nothing creates: emit it (type kubernetes.io/service-account-token, annotation kubernetes.io/service-account.name: %s) as the tenancy blueprint does"),
    FUNCTION_SECRET_STORE(Severity.WARNING, "environment '%s': the ExternalSecrets read from the SecretStore '%s', which nothing in the tree creates (and the AppProject lets it create none), so they stay unsynced unless the platform made it in namespace '%s': use kind ClusterSecretStore, the platform's store shared by namespaces, or have the platform create it (PREREQUISITES.md lists it)");

    private final Severity severity;
    private final String template;

    Code(Severity severity, String template) {
        this.severity = severity;
        this.template = template;
    }

    /** The stable id printed in brackets, e.g. {@code MLG-YAML-DUPLICATE-KEY}. */
    public String id() {
        return "MLG-" + name().replace('_', '-');
    }

    /**
     * Whether an item may waive this code: every policy rule but the one guarding tenancy, the
     * KServe host warning, which asks for a cluster setting the spec's author may know is made,
     * and a pinned environment's alias, which the author may move by review on purpose.
     */
    public boolean waivable() {
        return name().startsWith("POLICY_") && this != POLICY_ROLE_BINDING || this == RENDER_KSERVE_HOST
                || this == CHECK_REGISTERED_ALIAS;
    }

    public Severity severity() {
        return severity;
    }

    /**
     * The message with {@code args} in place; every string argument is {@linkplain Shown#value shown}
     * escaped and cut, so no caller can print a hostile value raw or whole.
     */
    public String message(Object... args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof String text) {
                shown[i] = Shown.value(text);
            }
        }
        return String.format(Locale.ROOT, template, shown);
    }
}
