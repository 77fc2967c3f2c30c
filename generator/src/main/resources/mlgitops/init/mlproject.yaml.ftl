<#-- The starter mlproject.yaml that init writes. A line "yaml #| comment" gets its comment lined up
     at column 45 ("# comment"); the engines of training and serving come from the engine registry
     (the default first); the stages are booleans (training, serving, notebooks, featureStore, registry,
     monitoring); name, team and schemaCopy are strings, the names DNS-1035 labels checked before. -->
# yaml-language-server: $schema=${schemaCopy}
# The mlproject.yaml of ${name}: the whole ML project in one file. mlgitops turns it into
# a kustomize + Argo CD tree: check it with `mvn mlgitops:validate` (or `mlgitops validate`),
# write the tree with `mvn mlgitops:generate` (or `mlgitops generate`). Names are DNS-1035
# labels (lowercase letters, digits, '-'); quantities use Kubernetes syntax (500m, 2, 8Gi).
# mlgitops' guide (docs/spec.md) explains every field; your editor completes them from the schema above.
# Without a pom that names the plugin, use its full coordinates or add dev.mlgitops to settings.xml's
# pluginGroups for the short mlgitops: prefix (docs/maven-plugin.md).

apiVersion: mlgitops.dev/v1alpha1 #| the spec version the schema describes
kind: MLProject
metadata:
  name: ${name} #| at most 40 characters; prefixes every object's name
  team: ${team} #| the owning team, a label on every object
  description: ${name} machine-learning project #| free text, shown in Argo CD

spec:
  gitops: #| the GitOps repository Argo CD syncs from
    repoURL: https://git.example.com/platform/ml-gitops.git #| change to yours
    targetRevision: main #| the branch Argo CD tracks
    path: projects/${name} #| the folder of that repository this project owns
<#if training || serving || notebooks>

  images: #| every image, pinned by tag or digest; stages refer to them by key
<#if training>
    trainer: registry.example.com/${team}/${name}-trainer:0.1.0
</#if>
<#if serving>
    scorer: registry.example.com/${team}/${name}-scorer:0.1.0
</#if>
<#if notebooks>
    notebook: quay.io/jupyter/scipy-notebook:2024-10-07
</#if>
</#if>

  tenancy: #| always generated: namespace, quota, access, network policies
    quota: {cpu: "16", memory: 64Gi, storage: 500Gi} #| the most the namespace may use; add gpu: 1 for GPUs
    access: #| users and groups of the cluster's identity provider
      admins: [group:${team}-leads]
      editors: [group:${team}]
    # cloudIdentity: {provider: aws, role: arn:aws:iam::123456789012:role/${name}} #| aws | gcp | azure
    networkPolicy: restricted #| restricted (deny all, allow what stages need) | open
<#if featureStore || registry>

  secrets: #| credentials come from an external store, never from this file
    provider: external-secrets #| external-secrets (ExternalSecret objects) | existing
    store: {kind: ClusterSecretStore, name: vault} #| the External Secrets store to read from
    entries: #| name: key in the store
<#if featureStore>
      feast-redis: {key: ml/${name}/redis}
</#if>
<#if registry>
      mlflow-db: {key: ml/${name}/mlflow-db}
</#if>
</#if>
<#if featureStore>

  featureStore: #| Feast: feature server, its configuration, materialization
    engine: feast
    project: ${name?replace("-", "_")} #| the Feast project: letters, digits, '_'
    registry: s3://${name}-features/feast/registry.db
    onlineStore: {type: redis, secret: feast-redis} #| its connection from a secrets entry
    offlineStore: {type: file}
    server:
      replicas: 1
      resources: {cpu: 500m, memory: 1Gi} #| requests and limits alike
    materialize:
      schedule: "0 * * * *" #| cron: incremental materialization
</#if>
<#if notebooks>

  notebooks: #| one Jupyter server each, with its own volume
    workspace:
      image: notebook #| a key of spec.images
      resources: {cpu: "2", memory: 8Gi} #| add gpu: 1 for a GPU
      storage: 20Gi
</#if>
<#if training>

  training: #| pipelines, each a set of steps run in dependency order
    train:
      engine: ${trainingEngine} #| ${trainingEngines?join(" | ")}
      schedule: "0 2 * * *" #| cron; leave out to run once
      steps:
        prepare:
          image: trainer
          command: [python, prepare.py]
        fit:
          image: trainer
          command: [python, train.py]
          dependsOn: [prepare]
          resources: {cpu: "4", memory: 16Gi}
<#if registry>
      registerModel: ${name} #| registered in the model registry when the run succeeds
</#if>
</#if>
<#if registry>

  modelRegistry: #| MLflow tracking server and model registry
    engine: mlflow
    artifactRoot: s3://${name}-models/mlflow #| where runs store their artifacts
    backendStore: {secret: mlflow-db} #| the database URL, from a secrets entry
    replicas: 1
</#if>
<#if serving>

  serving: #| models served over HTTP
    predictor:
      engine: ${servingEngine} #| ${servingEngines?join(" | ")}; each engine's fields: docs/engines.md
      image: scorer
      port: 8080
      replicas: {min: 2, max: 4} #| production wants at least 2
      autoscaling: {metric: cpu, target: 70} #| percent of the CPU request
      resources: {cpu: 500m, memory: 1Gi}
      health: {liveness: /healthz, readiness: /ready} #| the HTTP paths of the probes
</#if>
<#if monitoring>

  monitoring: #| Prometheus scraping and alerts of the served models
    scrapeInterval: 30s
    alerts:
      latencyP99: {threshold: 500ms, for: 5m}
      errorRate: {threshold: 0.05, for: 10m} #| a fraction of requests
</#if>
<#if serving || monitoring>

  # cluster: #| what the clusters run (docs/cluster.md); these are the defaults
  #   ingress: {namespace: ingress-nginx, className: nginx}
  #   knative: {networking: istio, version: "1.18"} #| istio | kourier | contour; "1.19" and later: OpenTelemetry metrics
  #   monitoring: {namespace: monitoring, prometheusLabels: {release: kube-prometheus-stack}}
  #   tls: {issuer: letsencrypt-prod} #| a cert-manager ClusterIssuer for TLS Ingresses (no default)
</#if>

  environments: #| in promotion order; each in its own namespace
    dev:
      cluster: in-cluster #| an Argo CD destination name, or an https server URL
      namespace: ${name}-dev
      sync: auto #| auto (prune + self-heal) | manual
<#if serving>
      overrides: #| a JSON merge patch (RFC 7386) on spec for this environment
        serving: {predictor: {replicas: {min: 1, max: 2}}}
</#if>
    prod:
      cluster: in-cluster
      namespace: ${name}-prod
      sync: manual #| a person syncs production in Argo CD
