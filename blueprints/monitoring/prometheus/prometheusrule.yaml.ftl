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
<#if (latency?? || errorRate??) && models?has_content>
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
<@y.metadata name=ruleName labels=labels annotations=y.customResource/>
spec:
  groups:
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
