package dev.mlgitops.benchmark;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic {@code mlproject.yaml} of a given size, the same bytes for the same size and seed:
 * {@code n} served models (one in three on kserve, the others on deployment), {@code n/4}
 * training pipelines of five steps (argo-workflows and kubernetes-job alternating), {@code n/4}
 * notebooks, a feature store, a model registry, monitoring, and three environments whose
 * overrides change replicas, drop notebooks and patch a few models.
 */
public final class SyntheticSpec {

    private static final String[] KSERVE_FORMATS = {"sklearn", "xgboost", "onnx", "pytorch"};
    private static final String[] PIPELINE_ENGINES = {"argo-workflows", "kubernetes-job"};

    private SyntheticSpec() {
    }

    public static String of(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder y = new StringBuilder(4096 + n * 700);
        String project = "bench-" + n;
        y.append("apiVersion: mlgitops.dev/v1alpha1\n")
                .append("kind: MLProject\n")
                .append("metadata:\n")
                .append("  name: ").append(project).append('\n')
                .append("  team: perf\n")
                .append("  labels: {cost-center: cc-").append(1000 + random.nextInt(9000)).append("}\n")
                .append("spec:\n")
                .append("  gitops:\n")
                .append("    repoURL: https://git.example.com/platform/ml-gitops.git\n")
                .append("    targetRevision: main\n")
                .append("    path: projects/").append(project).append('\n')
                .append("  images:\n")
                .append("    trainer: registry.example.com/perf/trainer:1.").append(random.nextInt(20)).append(".0\n")
                .append("    scorer: registry.example.com/perf/scorer:2.").append(random.nextInt(20)).append(".1\n")
                .append("    notebook: quay.io/jupyter/scipy-notebook:2024-10-07\n")
                .append("  tenancy:\n")
                .append("    quota: {cpu: \"").append(64 + 8 * n).append("\", memory: ").append(256 + 32 * n)
                .append("Gi, storage: ").append(2 + n).append("Ti}\n")
                .append("    access:\n")
                .append("      admins: [group:perf-leads]\n")
                .append("      editors: [group:perf, user:bench@example.com]\n")
                .append("      viewers: [group:perf-readers]\n")
                .append("    cloudIdentity: {provider: aws, role: arn:aws:iam::123456789012:role/bench}\n")
                .append("    networkPolicy: restricted\n")
                .append("  secrets:\n")
                .append("    provider: external-secrets\n")
                .append("    store: {kind: ClusterSecretStore, name: vault}\n")
                .append("    entries:\n")
                .append("      feast-redis: {key: perf/redis}\n")
                .append("      mlflow-db: {key: perf/mlflow-db}\n")
                .append("      object-store: {key: perf/s3}\n")
                .append("  featureStore:\n")
                .append("    engine: feast\n")
                .append("    project: bench\n")
                .append("    registry: s3://perf/feast/registry.db\n")
                .append("    onlineStore: {type: redis, secret: feast-redis}\n")
                .append("    offlineStore: {type: file}\n")
                .append("    server: {replicas: 2, resources: {cpu: 500m, memory: 1Gi}}\n")
                .append("    materialize: {schedule: \"0 * * * *\"}\n");
        appendNotebooks(y, n / 4, random);
        appendTraining(y, n / 4, random);
        y.append("  modelRegistry:\n")
                .append("    engine: mlflow\n")
                .append("    artifactRoot: s3://perf/mlflow\n")
                .append("    backendStore: {secret: mlflow-db}\n")
                .append("    replicas: 1\n");
        appendServing(y, n, random);
        y.append("  monitoring:\n")
                .append("    scrapeInterval: 30s\n")
                .append("    alerts:\n")
                .append("      latencyP99: {threshold: 250ms, for: 5m}\n")
                .append("      errorRate: {threshold: 0.02, for: 10m}\n")
                .append("    dashboards: true\n");
        appendEnvironments(y, n, project);
        return y.toString();
    }

    private static void appendNotebooks(StringBuilder y, int count, SplittableRandom random) {
        if (count == 0) {
            return;
        }
        y.append("  notebooks:\n");
        for (int i = 0; i < count; i++) {
            y.append("    nb-").append(id(i)).append(":\n")
                    .append("      owner: user").append(i).append("@example.com\n")
                    .append("      image: notebook\n")
                    .append("      resources: {cpu: \"").append(1 + random.nextInt(4)).append("\", memory: ")
                    .append(4 << random.nextInt(3)).append("Gi}\n")
                    .append("      storage: ").append(10 + random.nextInt(90)).append("Gi\n");
        }
    }

    private static void appendTraining(StringBuilder y, int count, SplittableRandom random) {
        if (count == 0) {
            return;
        }
        String[] steps = {"extract", "validate", "features", "train", "evaluate"};
        y.append("  training:\n");
        for (int i = 0; i < count; i++) {
            y.append("    pipe-").append(id(i)).append(":\n")
                    .append("      engine: ").append(PIPELINE_ENGINES[i % PIPELINE_ENGINES.length]).append('\n');
            if (random.nextInt(3) > 0) {
                y.append("      schedule: \"").append(random.nextInt(60)).append(' ').append(random.nextInt(24))
                        .append(" * * *\"\n");
            }
            y.append("      secrets: [object-store]\n")
                    .append("      steps:\n");
            for (int s = 0; s < steps.length; s++) {
                y.append("        ").append(steps[s]).append(":\n")
                        .append("          image: trainer\n")
                        .append("          command: [python, -m, bench.").append(steps[s]).append(", --pipeline, \"")
                        .append(i).append("\"]\n");
                if (s > 0) {
                    y.append("          dependsOn: [").append(steps[s - 1]).append("]\n");
                }
                if (steps[s].equals("train")) {
                    y.append("          resources: {cpu: \"").append(2 + random.nextInt(6)).append("\", memory: ")
                            .append(8 + random.nextInt(24)).append("Gi}\n")
                            .append("          env: {MLFLOW_EXPERIMENT_NAME: pipe-").append(id(i)).append("}\n");
                }
            }
        }
    }

    private static void appendServing(StringBuilder y, int count, SplittableRandom random) {
        y.append("  serving:\n");
        for (int i = 0; i < count; i++) {
            int min = 2 + random.nextInt(2);
            y.append("    model-").append(id(i)).append(":\n");
            if (i % 3 == 2) {
                y.append("      engine: kserve\n")
                        .append("      model: {format: ").append(KSERVE_FORMATS[random.nextInt(KSERVE_FORMATS.length)])
                        .append(", storageUri: \"s3://perf/models/model-").append(id(i)).append('/')
                        .append(1 + random.nextInt(9)).append("\"}\n")
                        .append("      autoscaling: {metric: concurrency, target: ").append(10 + random.nextInt(20))
                        .append("}\n");
                if (random.nextInt(4) == 0) {
                    y.append("      canary: {trafficPercent: ").append(5 + random.nextInt(20)).append("}\n");
                }
            } else {
                y.append("      engine: deployment\n")
                        .append("      image: scorer\n")
                        .append("      args: [--model, model-").append(id(i)).append("]\n")
                        .append("      port: 8080\n")
                        .append("      env: {LOG_LEVEL: info, MODEL_ID: \"").append(i).append("\"}\n")
                        .append("      secretEnv: {REDIS_PASSWORD: {secret: feast-redis, key: password}}\n")
                        .append("      autoscaling: {metric: cpu, target: ").append(50 + random.nextInt(30)).append("}\n")
                        .append("      health: {liveness: /healthz, readiness: /ready}\n");
            }
            y.append("      replicas: {min: ").append(min).append(", max: ").append(min + 2 + random.nextInt(8))
                    .append("}\n")
                    .append("      resources: {cpu: ").append(250 * (1 + random.nextInt(4))).append("m, memory: ")
                    .append(1 + random.nextInt(4)).append("Gi}\n");
            if (random.nextInt(5) == 0) {
                y.append("      ingress: {host: model-").append(id(i)).append(".example.com, tls: true}\n");
            }
        }
    }

    /** dev drops the notebooks and shrinks every tenth model; staging keeps the base; prod grows a few models. */
    private static void appendEnvironments(StringBuilder y, int n, String project) {
        y.append("  environments:\n")
                .append("    dev:\n")
                .append("      cluster: in-cluster\n")
                .append("      namespace: ").append(project).append("-dev\n")
                .append("      sync: auto\n")
                .append("      overrides:\n");
        dropNotebooks(y, n);
        y.append("        serving:\n");
        for (int i = 0; i < n; i += 10) {
            y.append("          model-").append(id(i)).append(": {replicas: {min: 1, max: 2}}\n");
        }
        y.append("    staging:\n")
                .append("      cluster: in-cluster\n")
                .append("      namespace: ").append(project).append("-staging\n")
                .append("      sync: auto\n")
                .append("    prod:\n")
                .append("      cluster: https://prod.k8s.example.com\n")
                .append("      namespace: ").append(project).append('\n')
                .append("      sync: manual\n")
                .append("      overrides:\n");
        dropNotebooks(y, n);
        y.append("        serving:\n");
        for (int i = 0; i < n; i += 7) {
            y.append("          model-").append(id(i)).append(": {replicas: {min: 4, max: 40}}\n");
        }
    }

    private static void dropNotebooks(StringBuilder y, int n) {
        if (n / 4 > 0) {
            y.append("        notebooks: null\n");
        }
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "%04d", i);
    }
}
