<#import "/lib/yaml.ftl" as y>
<#assign m = mlflow>
<#--
  maxUnavailable 1, not minAvailable: with one replica a drain still proceeds; with two or more
  (production's, MLG-POLICY-REPLICAS) one always serves. AlwaysAllow: a crash-looping pod must not
  block node drains (kube-linter pdb-unhealthy-pod-eviction-policy).
-->
apiVersion: policy/v1
kind: PodDisruptionBudget
<@y.metadata name=m.name labels=m.labels/>
spec:
  maxUnavailable: 1
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels: <@y.map m.selector/>
