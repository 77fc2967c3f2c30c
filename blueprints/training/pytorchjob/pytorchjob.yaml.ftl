<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#import "/lib/register.ftl" as reg>
<#assign p = pipeline>
<#--
  Kubeflow Training Operator v1: one Master (the webhook requires exactly 1) and `workers` Workers,
  the same pod for both. The container must be named "pytorch": the operator finds it by that name
  and injects MASTER_ADDR, MASTER_PORT, WORLD_SIZE and RANK into it. Pods are restricted like every
  other; torchrun writes only under /tmp.
-->
<#assign s = p.step>
<#assign multiGpu = s.gpu?? && s.gpu?number gt 1>
<#assign podTemplate>
template:
  metadata:
    labels: <@y.map p.podLabels/>
  spec:
    serviceAccountName: ${p.serviceAccount}
    automountServiceAccountToken: false
<@pod.podSecurity indent=4/>
<#if s.gpu??>
<@pod.gpuToleration indent=4/>
</#if>
    containers:
    - name: pytorch
      image: ${s.image}
<#if s.command?has_content>
      command: <@y.list s.command/>
</#if>
<@pod.homeEnv items=s.env indent=6/>
<#if p.schedule??>
      - {name: MLGITOPS_RUN, value: "{{workflow.name}}"}
</#if>
<@pod.env items=s.inputs indent=6/>
<@pod.env items=s.env indent=6/>
<@pod.envFrom secrets=p.secrets indent=6/>
<@pod.resources cpu=s.cpu memory=s.memory gpu=s.gpu indent=6/>
<@pod.containerSecurity indent=6 shm=multiGpu/>
    volumes:
    - name: tmp
      emptyDir: {}
<#if multiGpu>
    - name: dshm
      emptyDir: {medium: Memory}
</#if>
</#assign>
<#assign replicaTemplate = podTemplate?markup_string?trim?replace("\n", "\n      ")?no_esc>
<#assign replicaSpecs>
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      restartPolicy: OnFailure
      ${replicaTemplate}
<#if p.workers gt 0>
    Worker:
      replicas: ${p.workers}
      restartPolicy: OnFailure
      ${replicaTemplate}
</#if>
</#assign>
<#if p.schedule??>
<#--
  With a schedule, a CronWorkflow runs a WorkflowTemplate whose one step creates the job (an Argo
  resource template: create, then wait on the Master's replica status), so each run is a new job
  named <name>-xxxxx that the Workflow owns and its TTL removes; Argo CD syncs only the templates and
  never reruns training. The step runs as the training ServiceAccount, which tenancy lets create
  PyTorchJobs; the step pod is Argo's executor alone (container main), restricted by podSpecPatch.
  Argo fills {{workflow.name}} in the manifest too: every rank's MLGITOPS_RUN, so MLFLOW_RUN_CONTEXT
  tags the ranks' MLflow runs with the workflow. With registerModel, the register-model step of
  /lib/register.ftl runs after the job succeeded (the train step's successCondition) and finds
  those runs; a failed job fails the train step, and nothing is registered.
-->
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
<@y.metadata name=p.name labels=p.labels annotations=y.customResource/>
spec:
  entrypoint: ${p.register???then("pipeline", "train")}
  serviceAccountName: ${p.serviceAccount}
  automountServiceAccountToken: false
  executor: {serviceAccountName: ${p.serviceAccount}}
<@pod.podSecurity indent=2/>
  podMetadata:
    labels: <@y.map p.podLabels/>
  ttlStrategy: {secondsAfterCompletion: 86400}
  podGC: {strategy: OnPodSuccess}
<#if p.register??>
  volumes:
  - name: tmp
    emptyDir: {}
</#if>
  templates:
<#if p.register??>
  - name: pipeline
    dag:
      tasks:
      - {name: train, template: train}
      - name: ${p.register.name}
        template: ${p.register.name}
        dependencies: <@y.list p.register.after/>
</#if>
  - name: train
    podSpecPatch: |
      containers:
      - name: main
        securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
    resource:
      action: create
      setOwnerReference: true
      successCondition: status.replicaStatuses.Master.succeeded > 0
      failureCondition: status.replicaStatuses.Master.failed > 0
      manifest: |
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata:
          generateName: ${p.name + "-"}
          labels: <@y.map p.labels/>
        spec:
          runPolicy: {cleanPodPolicy: None, backoffLimit: 3}
<@y.indent by=8>${replicaSpecs}</@y.indent>
<#if p.register??>
<@reg.template register=p.register secrets=p.secrets/>
</#if>
---
apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
<@y.metadata name=p.name labels=p.labels annotations=y.customResource/>
spec:
  schedules: [${p.schedule}]
  timezone: Etc/UTC
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 600
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  workflowSpec:
    workflowTemplateRef: {name: ${p.name}}
<#else>
<#--
  Without a schedule the job runs once, as an ordinary object of the training Application: no
  hook (Argo CD runs every Sync hook again on every sync, selfHeal's too, so a hook retrains on
  any drift or commit) and no ttlSecondsAfterFinished (a deleted job is missing, and selfHeal
  would recreate it). The finished job stays, in sync, until someone deletes it to train again.
-->
apiVersion: kubeflow.org/v1
kind: PyTorchJob
<@y.metadata name=p.name labels=p.labels annotations=y.customResource/>
spec:
  runPolicy: {cleanPodPolicy: None, backoffLimit: 3}
${replicaSpecs}</#if>
