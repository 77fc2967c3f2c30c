<#import "/lib/yaml.ftl" as y>
<#--
  The spec's alerts for every served model, one rule each, over the environment's namespace only.
  latencyP99: the 99th percentile of the request-duration histogram, in seconds, over 5 minutes.
  errorRate: the share of requests answered 5xx over 5 minutes. ServedModelMetricsAbsent: the
  series these read is missing (no request yet, or the metric was renamed, as Knative 1.19 did);
  not for a model that may scale to zero. The metric names are each serving engine's (its class):
    kserve (Knative mode), Knative up to 1.18: revision_app_request_latencies_bucket (milliseconds,
      hence / 1000), revision_app_request_count{response_code_class="5xx"}, by service_name;
    kserve, Knative 1.19 and later: kn_serving_invocation_duration_seconds_{bucket,count}
      {http_response_status_code=~"5.."}, by kn_service_name="<isvc>-predictor";
    deployment: http_request_duration_seconds_bucket, http_requests_total{code=~"5.."}, by job=<Service>;
    vllm: vllm:e2e_request_latency_seconds_bucket, http_requests_total{status="5xx"}, by job=<Service>.
-->
<#if ((latency?? || errorRate??) && models?has_content) || quality?has_content>
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
<@y.metadata name=ruleName labels=labels annotations=y.customResource/>
spec:
  groups:
<#if (latency?? || errorRate??) && models?has_content>
  - name: ${group}
    rules:
<#list models as m>
<#if latency??>
    - alert: ServedModelLatencyHigh
      expr: ${m.latency + " > " + latencySeconds}
      for: ${latency.forDuration}
      labels: {severity: warning, model: ${m.name}}
      annotations:
        summary: ${m.name + " p99 latency above " + latency.threshold}
        description: ${"The 99th percentile request latency of " + m.name + " in {{ $labels.namespace }} has been above " + latency.threshold + " for " + latency.forDuration + " (now {{ $value | humanizeDuration }})."}
</#if>
<#if errorRate??>
    - alert: ServedModelErrorRateHigh
      expr: ${m.errorRatio + " > " + errorRate.threshold}
      for: ${errorRate.forDuration}
      labels: {severity: critical, model: ${m.name}}
      annotations:
        summary: ${m.name + " 5xx share above " + errorRate.threshold}
        description: ${"More than " + errorRate.threshold + " of the requests to " + m.name + " in {{ $labels.namespace }} have failed with 5xx for " + errorRate.forDuration + " (now {{ $value | humanizePercentage }})."}
</#if>
<#if m.absent??>
    - alert: ServedModelMetricsAbsent
      expr: ${m.absent}
      for: 30m
      labels: {severity: warning, model: ${m.name}}
      annotations:
        summary: ${m.name + " request metrics absent"}
        description: ${"Prometheus has had no request series of " + m.name + " for 30 minutes: the model has served no request, it is not scraped, or its metrics were renamed (Knative Serving 1.19 moved to OpenTelemetry names: set spec.cluster.knative.version), so its other alerts cannot fire."}
</#if>
</#list>
</#if>
<#--
  Model quality (spec.monitoring.quality), from each model's drift detector: the highest drift
  score of any feature above drift.max for 15 minutes; the accuracy below accuracy.min for 15
  minutes (only with accuracy); and the absence of each metric for 30 minutes (the detector is
  down, not scraped, or writes other names or another model label), so silence never reads as health.
-->
<#if quality?has_content>
  - name: ${group + "-quality"}
    rules:
<#list quality as q>
    - alert: ModelDriftHigh
      expr: ${q.drift + " > " + q.driftMax}
      for: 15m
      labels: {severity: warning, model: ${q.name}}
      annotations:
        summary: ${q.name + " input drift above " + q.driftMax}
        description: ${"Feature {{ $labels.feature }} of " + q.name + " in {{ $labels.namespace }} has had a drift score above " + q.driftMax + " for 15 minutes (now {{ $value }}): the requests no longer look like the training data; check the feature's source and retrain if it holds."}
<#if q.accuracy??>
    - alert: ModelAccuracyLow
      expr: ${q.accuracy + " < " + q.accuracyMin}
      for: 15m
      labels: {severity: critical, model: ${q.name}}
      annotations:
        summary: ${q.name + " accuracy below " + q.accuracyMin}
        description: ${"The accuracy of " + q.name + " in {{ $labels.namespace }} against its ground truth has been below " + q.accuracyMin + " for 15 minutes (now {{ $value | humanizePercentage }})."}
</#if>
    - alert: ModelDriftMetricAbsent
      expr: ${q.driftAbsent}
      for: 30m
      labels: {severity: warning, model: ${q.name}}
      annotations:
        summary: ${q.name + " drift score absent"}
        description: ${"Prometheus has had no model_drift_score of " + q.name + " for 30 minutes: its detector " + q.detector + " is down, not scraped, or labels the model otherwise, so drift cannot alert."}
<#if q.accuracyAbsent??>
    - alert: ModelAccuracyMetricAbsent
      expr: ${q.accuracyAbsent}
      for: 30m
      labels: {severity: warning, model: ${q.name}}
      annotations:
        summary: ${q.name + " accuracy absent"}
        description: ${"Prometheus has had no model_accuracy of " + q.name + " for 30 minutes: its detector " + q.detector + " is down, not scraped, or has no ground truth to join, so accuracy cannot alert."}
</#if>
</#list>
</#if>
</#if>
