<#import "/lib/yaml.ftl" as y>
<#import "/lib/pod.ftl" as pod>
<#--
  The drift detector of one watched model (spec.monitoring.quality.<model>): a Deployment of the
  user's image, its Service and its ServiceMonitor. The image's contract (docs/monitoring-quality.md):
  CloudEvents of the model's logged requests and responses in by POST on port http (8080), GET
  /healthz there for the probes, model_drift_score{model,feature} and model_accuracy{model} on port
  metrics (9090) at /metrics, labelled model=$MLGITOPS_MODEL. One replica: the detector keeps its
  reference window in memory, and two would each see half the traffic.

  In the monitoring stage, after serving (sync waves): on the first sync KServe's logger in the
  predictor points at this Service before it exists. That is fine: nothing in KServe waits for the
  logger's URL to answer, and its agent queues each event to workers that post it apart from the
  request, logging a failed post, so the model serves while its detector is still coming up.
-->
<#if detector??>
<#assign d = detector>
apiVersion: apps/v1
kind: Deployment
<@y.metadata name=d.name labels=d.labels/>
spec:
  replicas: 1
  selector:
    matchLabels: <@y.map d.selector/>
  template:
    metadata:
      labels: <@y.map d.podLabels/>
    spec:
      serviceAccountName: ${d.serviceAccount}
      automountServiceAccountToken: false
<@pod.podSecurity indent=6/>
      containers:
      - name: detector
        image: ${d.image}
<@pod.homeEnv indent=8/>
<@pod.env items=d.env indent=8/>
        ports:
        - {name: http, containerPort: ${d.port?c}, protocol: TCP}
        - {name: metrics, containerPort: ${d.metricsPort?c}, protocol: TCP}
        readinessProbe:
          httpGet: {path: /healthz, port: http}
        livenessProbe:
          httpGet: {path: /healthz, port: http}
          initialDelaySeconds: 30
<@pod.resources cpu=d.cpu memory=d.memory indent=8/>
<@pod.containerSecurity indent=8/>
      volumes:
      - name: tmp
        emptyDir: {}
---
apiVersion: v1
kind: Service
<@y.metadata name=d.name labels=d.labels/>
spec:
  selector: <@y.map d.selector/>
  ports:
  - {name: http, port: ${d.port?c}, targetPort: http, protocol: TCP}
  - {name: metrics, port: ${d.metricsPort?c}, targetPort: metrics, protocol: TCP}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
<@y.metadata name=d.name labels=d.monitorLabels annotations=y.customResource/>
spec:
  selector:
    matchLabels: <@y.map d.selector/>
  endpoints:
  - port: metrics
    path: /metrics
    interval: ${d.interval}
</#if>
