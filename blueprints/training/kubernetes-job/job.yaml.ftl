<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#assign p = pipeline>
<#--
  One CronJob per scheduled pipeline, one Job otherwise. A pod runs the steps one after another in
  dependency order (a topological order of dependsOn, file order among equals): every step but the
  last as an init container, which Kubernetes runs sequentially, each only after the previous one
  succeeded; the last step (or the model registration) as the pod's container. Steps that could
  run in parallel do not: that is the price of needing nothing but batch/v1 (use argo-workflows for
  a real DAG). A failed step fails the pod; the Job retries the whole pod (backoffLimit). A GPU
  one step asks for is the pod's for its whole run (requests are the most any init container or
  the container asks for), and the pod tolerates the GPU taint.

  A standalone Job has no ttlSecondsAfterFinished (kube-linter's job-ttl-seconds-after-finished is
  waived): deleted, it would be missing from the training Application and selfHeal would create it
  again, a retraining a day. It stays, in sync, until someone deletes it to train again or its spec
  changes; then Argo CD replaces it (Force=true,Replace=true: its pod template is immutable). A
  CronJob's jobTemplate sets none either (its history limits clean up).

  MLGITOPS_RUN is the Job's name; see the register-model step of argo-workflows for the contract.
  Every step reads the pipeline's inputs (release id, datasets) from its inputs ConfigMap.
-->
<#assign containers = []>
<#list p.steps as s>
<#assign containers += [{"name": s.name, "image": s.image, "command": s.command, "inputs": s.inputs, "env": s.env, "cpu": s.cpu, "memory": s.memory, "gpu": s.gpu!""}]>
</#list>
<#if p.register??>
<#assign containers += [{"name": p.register.name, "image": p.register.image, "command": ["python", "-c", p.register.script()], "inputs": p.register.inputs, "env": p.register.env, "cpu": "250m", "memory": "512Mi", "gpu": ""}]>
</#if>
<#macro container c>
- name: ${c.name}
  image: ${c.image}
<#if c.command?has_content>
  command: <@y.list c.command/>
</#if>
<@pod.homeEnv items=c.env indent=2/>
  - name: MLGITOPS_RUN
    valueFrom:
      fieldRef: {fieldPath: "metadata.labels['batch.kubernetes.io/job-name']"}
<@pod.env items=c.inputs indent=2/>
<@pod.env items=c.env indent=2/>
<@pod.envFrom secrets=p.secrets indent=2/>
<@pod.resources cpu=c.cpu memory=c.memory gpu=c.gpu indent=2/>
<@pod.containerSecurity indent=2/>
</#macro>
<#assign podTemplate>
template:
  metadata:
    labels: <@y.map p.podLabels/>
  spec:
    restartPolicy: Never
    serviceAccountName: ${p.serviceAccount}
    automountServiceAccountToken: false
<@pod.podSecurity indent=4/>
<#if p.gpu>
<@pod.gpuToleration indent=4/>
</#if>
<#if containers?size gt 1>
    initContainers:
<#list containers[0..<containers?size - 1] as c>
<@indented by=4><@container c/></@indented>
</#list>
</#if>
    containers:
<@indented by=4><@container containers?last/></@indented>
    volumes:
    - name: tmp
      emptyDir: {}
</#assign>
<#-- What the nested content writes, every line indented by `by` spaces. -->
<#macro indented by>
<#local p = ""?left_pad(by)>
<#local text><#nested></#local>
${(p + text?markup_string?trim?replace("\n", "\n" + p))?no_esc}
</#macro>
<#if p.schedule??>
apiVersion: batch/v1
kind: CronJob
<@y.metadata name=p.name labels=p.labels/>
spec:
  schedule: ${p.schedule}
  timeZone: Etc/UTC
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 600
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      backoffLimit: 2
      ${podTemplate?markup_string?trim?replace("\n", "\n      ")?no_esc}
<#else>
apiVersion: batch/v1
kind: Job
<@y.metadata name=p.name labels=p.labels annotations=y.replaced/>
spec:
  backoffLimit: 2
  ${podTemplate?markup_string?trim?replace("\n", "\n  ")?no_esc}
</#if>
