<#import "/lib/yaml.ftl" as y>
<#assign m = model>
<#-- AlwaysAllow: a crash-looping pod must not block node drains (kube-linter pdb-unhealthy-pod-eviction-policy). -->
apiVersion: policy/v1
kind: PodDisruptionBudget
<@y.metadata name=m.name labels=m.labels/>
spec:
  maxUnavailable: 1
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels: <@y.map m.selector/>
