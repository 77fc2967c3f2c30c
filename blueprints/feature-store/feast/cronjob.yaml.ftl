<#import "/lib/yaml.ftl" as y>
<#import "_pod.ftl" as pod>
<#assign f = feast>
<#--
  Incremental materialization up to now, on the spec's schedule (UTC). The shell computes the end
  date; $$ keeps Kubernetes from reading $(...) as a variable reference. Forbid: a slow run is not
  overlapped by the next. No ttlSecondsAfterFinished: the history limits clean up (kube-linter).
-->
<#if f.schedule??>
apiVersion: batch/v1
kind: CronJob
<@y.metadata name=f.materializeName labels=f.materializeLabels/>
spec:
  schedule: ${f.schedule}
  timeZone: Etc/UTC
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 3
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        metadata:
          labels: <@y.map f.materializePodLabels/>
        spec:
          restartPolicy: Never
          serviceAccountName: ${f.serviceAccount}
          automountServiceAccountToken: false
<@y.indent 10><@pod.securityContext f/></@y.indent>
          containers:
          - name: materialize
            image: ${f.image}
            command: [/bin/sh, -c, ${"feast -c " + f.repoDir + " materialize-incremental \"$$(date -u +%Y-%m-%dT%H:%M:%S)\""}]
<@y.indent 12><@pod.containerCommon f/></@y.indent>
<@y.indent 10><@pod.volumes f/></@y.indent>
</#if>
