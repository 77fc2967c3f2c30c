<#import "/lib/yaml.ftl" as y>
<#assign m = model>
<#--
  The predictor's pods carry the name label (predictor.labels reach them), so a budget can hold
  them like a Deployment's: a node drain takes at most one at a time. AlwaysAllow: a crash-looping
  pod must not block drains (kube-linter pdb-unhealthy-pod-eviction-policy).
-->
apiVersion: policy/v1
kind: PodDisruptionBudget
<@y.metadata name=m.name labels=m.labels/>
spec:
  maxUnavailable: 1
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels: {app.kubernetes.io/name: ${m.name}}
