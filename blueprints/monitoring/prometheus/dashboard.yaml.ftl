<#import "/lib/yaml.ftl" as y>
<#--
  A Grafana dashboard for the sidecar of kube-prometheus-stack's Grafana, which loads every
  ConfigMap labelled grafana_dashboard: "1" (searchNamespace ALL). The JSON is built in
  dev.mlgitops.render.Dashboard from the same queries as the alerts.
-->
<#if dashboard??>
apiVersion: v1
kind: ConfigMap
<@y.metadata name=dashboard.name labels=labels + {"grafana_dashboard": "1"}/>
data:
  ${dashboard.key}: ${dashboard.json}
</#if>
