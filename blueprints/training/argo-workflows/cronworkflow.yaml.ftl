<#import "/lib/yaml.ftl" as y>
<#assign p = pipeline>
<#--
  Runs the pipeline's WorkflowTemplate on its schedule. spec.schedules is a list: Argo Workflows v4
  removed the singular field. Forbid: a slow run is never overlapped by the next.
-->
<#if p.schedule??>
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
</#if>
