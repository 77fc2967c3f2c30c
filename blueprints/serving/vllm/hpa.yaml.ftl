<#import "/lib/yaml.ftl" as y>
<#assign m = model>
<#-- Only cpu and memory are Resource metrics a bare cluster serves; the engine reported any other. -->
<#if m.metric??>
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
<@y.metadata name=m.name labels=m.labels/>
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${m.name}}
  minReplicas: ${m.minReplicas}
  maxReplicas: ${m.maxReplicas}
  metrics:
  - type: Resource
    resource:
      name: ${m.metric}
      target: {type: Utilization, averageUtilization: ${m.target}}
</#if>
