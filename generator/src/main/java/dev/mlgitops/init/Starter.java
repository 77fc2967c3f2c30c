package dev.mlgitops.init;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Stage;

/**
 * Writes a starter mlproject.yaml: the fields of the chosen stages with sensible values and a
 * comment on each, and a first line that points YAML editors at a copy of the schema written
 * beside it (relative, so it works offline and matches this version of mlgitops).
 */
public final class Starter {

    static final String SPEC_FILE = "mlproject.yaml";
    static final String SCHEMA_COPY = ".mlgitops/mlproject-v1alpha1.schema.json";
    private static final String SCHEMA_RESOURCE = "mlgitops/schemas/mlproject-v1alpha1.schema.json";
    private static final Pattern DNS_1035 = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final int NAME_MAX = 40;
    private static final int TEAM_MAX = 63;
    /** Where the comments start, so they line up. */
    private static final int COMMENT_COLUMN = 44;

    private Starter() {
    }

    /**
     * Writes the starter spec and the schema copy into {@code folder}; on findings (a bad name, a
     * file in the way) it writes nothing.
     */
    public static StarterFiles write(Path folder, InitOptions options) {
        Path spec = folder.resolve(SPEC_FILE);
        Path schema = folder.resolve(SCHEMA_COPY);
        Findings findings = new Findings();
        requireName(options.name(), "project name (metadata.name)", NAME_MAX, findings);
        requireName(options.team(), "team name (metadata.team)", TEAM_MAX, findings);
        Set<Stage> stages = stages(options, findings);
        if (Files.exists(spec) && !options.force()) {
            findings.add(Code.INIT_EXISTS, "", null, Code.INIT_EXISTS.message(SPEC_FILE));
        }
        if (findings.hasErrors()) {
            return new StarterFiles(spec, schema, findings);
        }
        try {
            Files.createDirectories(schema.getParent());
            Files.write(schema, schemaBytes());
            Files.writeString(spec, text(options.name(), options.team(), stages), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MlGitopsException("writing the starter " + SPEC_FILE + ": " + e.getClass().getSimpleName(), e);
        }
        return new StarterFiles(spec, schema, findings);
    }

    private static void requireName(String name, String what, int max, Findings findings) {
        if (name == null || name.length() > max || !DNS_1035.matcher(name).matches()) {
            findings.add(Code.INIT_NAME, "", null, Code.INIT_NAME.message(name, what, max));
        }
    }

    private static Set<Stage> stages(InitOptions options, Findings findings) {
        Set<Stage> stages = EnumSet.of(Stage.TENANCY);
        for (String folder : options.stages()) {
            Stage.byFolder(folder).ifPresentOrElse(stages::add, () -> findings.add(Code.INIT_STAGE, "", null,
                    Code.INIT_STAGE.message(folder, Arrays.stream(Stage.values()).map(Stage::folder).collect(Collectors.joining(", ")))));
        }
        return stages;
    }

    private static byte[] schemaBytes() throws IOException {
        try (InputStream in = Starter.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new MlGitopsException("copying the schema " + SCHEMA_RESOURCE + ": it is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    /** The starter's text; the same options give the same bytes. */
    static String text(String name, String team, Set<Stage> stages) {
        Text t = new Text();
        boolean featureStore = stages.contains(Stage.FEATURE_STORE);
        boolean registry = stages.contains(Stage.MODEL_REGISTRY);
        boolean training = stages.contains(Stage.TRAINING);
        boolean serving = stages.contains(Stage.SERVING);
        t.raw("# yaml-language-server: $schema=" + SCHEMA_COPY);
        t.raw("# The mlproject.yaml of " + name + ": the whole ML project in one file. mlgitops turns it into");
        t.raw("# a kustomize + Argo CD tree: check it with `mvn mlgitops:validate` (or `mlgitops validate`),");
        t.raw("# write the tree with `mvn mlgitops:generate` (or `mlgitops generate`). Names are DNS-1035");
        t.raw("# labels (lowercase letters, digits, '-'); quantities use Kubernetes syntax (500m, 2, 8Gi).");
        t.raw("# The README's guide explains every field; your editor completes them from the schema above.");
        t.raw("");
        t.line("apiVersion: mlgitops.dev/v1alpha1", "the spec version the schema describes");
        t.line("kind: MLProject", null);
        t.line("metadata:", null);
        t.line("  name: " + name, "at most 40 characters; prefixes every object's name");
        t.line("  team: " + team, "the owning team, a label on every object");
        t.line("  description: " + name + " machine-learning project", "free text, shown in Argo CD");
        t.raw("");
        t.line("spec:", null);
        t.line("  gitops:", "the GitOps repository Argo CD syncs from");
        t.line("    repoURL: https://git.example.com/platform/ml-gitops.git", "change to yours");
        t.line("    targetRevision: main", "the branch Argo CD tracks");
        t.line("    path: projects/" + name, "the folder of that repository this project owns");

        if (training || serving || stages.contains(Stage.NOTEBOOKS)) {
            t.raw("");
            t.line("  images:", "every image, pinned by tag or digest; stages refer to them by key");
            if (training) {
                t.line("    trainer: registry.example.com/" + team + "/" + name + "-trainer:0.1.0", null);
            }
            if (serving) {
                t.line("    scorer: registry.example.com/" + team + "/" + name + "-scorer:0.1.0", null);
            }
            if (stages.contains(Stage.NOTEBOOKS)) {
                t.line("    notebook: quay.io/jupyter/scipy-notebook:2024-10-07", null);
            }
        }

        t.raw("");
        t.line("  tenancy:", "always generated: namespace, quota, access, network policies");
        t.line("    quota: {cpu: \"16\", memory: 64Gi, storage: 500Gi}", "the most the namespace may use; add gpu: 1 for GPUs");
        t.line("    access:", "users and groups of the cluster's identity provider");
        t.line("      admins: [group:" + team + "-leads]", null);
        t.line("      editors: [group:" + team + "]", null);
        t.line("    # cloudIdentity: {provider: aws, role: arn:aws:iam::123456789012:role/" + name + "}", "aws | gcp | azure");
        t.line("    networkPolicy: restricted", "restricted (deny all, allow what stages need) | open");

        if (featureStore || registry) {
            t.raw("");
            t.line("  secrets:", "credentials come from an external store, never from this file");
            t.line("    provider: external-secrets", "external-secrets (ExternalSecret objects) | existing");
            t.line("    store: {kind: ClusterSecretStore, name: vault}", "the External Secrets store to read from");
            t.line("    entries:", "name: key in the store");
            if (featureStore) {
                t.line("      feast-redis: {key: ml/" + name + "/redis}", null);
            }
            if (registry) {
                t.line("      mlflow-db: {key: ml/" + name + "/mlflow-db}", null);
            }
        }

        if (featureStore) {
            t.raw("");
            t.line("  featureStore:", "Feast: feature server, its configuration, materialization");
            t.line("    engine: feast", null);
            t.line("    project: " + name.replace('-', '_'), "the Feast project: letters, digits, '_'");
            t.line("    registry: s3://" + name + "-features/feast/registry.db", null);
            t.line("    onlineStore: {type: redis, secret: feast-redis}", "its connection from a secrets entry");
            t.line("    offlineStore: {type: file}", null);
            t.line("    server:", null);
            t.line("      replicas: 1", null);
            t.line("      resources: {cpu: 500m, memory: 1Gi}", "requests and limits alike");
            t.line("    materialize:", null);
            t.line("      schedule: \"0 * * * *\"", "cron: incremental materialization");
        }

        if (stages.contains(Stage.NOTEBOOKS)) {
            t.raw("");
            t.line("  notebooks:", "one Jupyter server each, with its own volume");
            t.line("    workspace:", null);
            t.line("      image: notebook", "a key of spec.images");
            t.line("      resources: {cpu: \"2\", memory: 8Gi}", "add gpu: 1 for a GPU");
            t.line("      storage: 20Gi", null);
        }

        if (training) {
            t.raw("");
            t.line("  training:", "pipelines, each a set of steps run in dependency order");
            t.line("    train:", null);
            t.line("      engine: kubernetes-job", "kubernetes-job | argo-workflows | pytorchjob");
            t.line("      schedule: \"0 2 * * *\"", "cron; leave out to run once");
            t.line("      steps:", null);
            t.line("        prepare:", null);
            t.line("          image: trainer", null);
            t.line("          command: [python, prepare.py]", null);
            t.line("        fit:", null);
            t.line("          image: trainer", null);
            t.line("          command: [python, train.py]", null);
            t.line("          dependsOn: [prepare]", null);
            t.line("          resources: {cpu: \"4\", memory: 16Gi}", null);
            if (registry) {
                t.line("      registerModel: " + name, "registered in the model registry when the run succeeds");
            }
        }

        if (registry) {
            t.raw("");
            t.line("  modelRegistry:", "MLflow tracking server and model registry");
            t.line("    engine: mlflow", null);
            t.line("    artifactRoot: s3://" + name + "-models/mlflow", "where runs store their artifacts");
            t.line("    backendStore: {secret: mlflow-db}", "the database URL, from a secrets entry");
            t.line("    replicas: 1", null);
        }

        if (serving) {
            t.raw("");
            t.line("  serving:", "models served over HTTP");
            t.line("    predictor:", null);
            t.line("      engine: deployment", "deployment | kserve (needs model: {format, storageUri})");
            t.line("      image: scorer", null);
            t.line("      port: 8080", null);
            t.line("      replicas: {min: 2, max: 4}", "production wants at least 2");
            t.line("      autoscaling: {metric: cpu, target: 70}", "percent of the CPU request");
            t.line("      resources: {cpu: 500m, memory: 1Gi}", null);
            t.line("      health: {liveness: /healthz, readiness: /ready}", "the HTTP paths of the probes");
        }

        if (stages.contains(Stage.MONITORING)) {
            t.raw("");
            t.line("  monitoring:", "Prometheus scraping and alerts of the served models");
            t.line("    scrapeInterval: 30s", null);
            t.line("    alerts:", null);
            t.line("      latencyP99: {threshold: 500ms, for: 5m}", null);
            t.line("      errorRate: {threshold: 0.05, for: 10m}", "a fraction of requests");
        }

        t.raw("");
        t.line("  environments:", "in promotion order; each in its own namespace");
        t.line("    dev:", null);
        t.line("      cluster: in-cluster", "an Argo CD destination name, or an https server URL");
        t.line("      namespace: " + name + "-dev", null);
        t.line("      sync: auto", "auto (prune + self-heal) | manual");
        if (serving) {
            t.line("      overrides:", "a JSON merge patch (RFC 7386) on spec for this environment");
            t.line("        serving: {predictor: {replicas: {min: 1, max: 2}}}", null);
        }
        t.line("    prod:", null);
        t.line("      cluster: in-cluster", null);
        t.line("      namespace: " + name + "-prod", null);
        t.line("      sync: manual", "a person syncs production in Argo CD");
        return t.toString();
    }

    /** Lines of YAML with their comments lined up. */
    private static final class Text {

        private final StringBuilder text = new StringBuilder();

        void raw(String line) {
            text.append(line).append('\n');
        }

        void line(String yaml, String comment) {
            if (comment == null) {
                raw(yaml);
            } else {
                raw(yaml + " ".repeat(Math.max(1, COMMENT_COLUMN - yaml.length())) + "# " + comment);
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
