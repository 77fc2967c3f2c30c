<#import "/lib/yaml.ftl" as y>
<#--
  One ServiceMonitor per served model, selecting its Services by the name label only, in the
  ServiceMonitor's own namespace (the default). `endpoints` is required by the CRD since v0.76.
  kserve: Knative's revision Services carry the predictor's labels; only the private one has the
  port http-usermetric (queue-proxy, 9091). deployment: the model's Service, port http, /metrics.
  The release label is what kube-prometheus-stack's Prometheus selects by. Then one per server of
  another stage whose engine declares metrics (MLflow's tracking server: port http, /metrics).
-->
<#list models as m>
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
<@y.metadata name=m.name labels=labels annotations=y.customResource/>
spec:
  selector:
    matchLabels: <@y.map m.selector/>
  endpoints:
  - port: ${m.port}
    path: /metrics
    interval: ${interval}
</#list>
<#list servers as s>
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
<@y.metadata name=s.name labels=labels annotations=y.customResource/>
spec:
  selector:
    matchLabels: <@y.map s.selector/>
  endpoints:
  - port: ${s.portName}
    path: ${s.path}
    interval: ${interval}
</#list>
