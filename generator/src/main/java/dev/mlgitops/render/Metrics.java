package dev.mlgitops.render;

import dev.mlgitops.model.Spec;

/**
 * The request metrics each serving engine is assumed to expose, and their PromQL. Every query
 * sums by namespace: the base names no namespace, and one rule then alerts per environment.
 *
 * <ul>
 * <li>{@code kserve} (Knative mode): Knative's queue-proxy in every predictor pod serves
 * {@code revision_app_request_latencies} (a histogram in milliseconds) and
 * {@code revision_app_request_count} (with {@code response_code_class}) on port 9091, named
 * {@code http-usermetric} on the revision's private Service; {@code service_name} is the
 * predictor's Knative Service, {@code <isvc>-predictor} (knative.dev, "Service metrics").</li>
 * <li>{@code deployment}: the model server is assumed to serve the Prometheus client conventions
 * on its {@code http} port at {@code /metrics}: {@code http_request_duration_seconds} (a
 * histogram in seconds) and {@code http_requests_total} with the status in {@code code}; the
 * ServiceMonitor's job label is the Service's name.</li>
 * </ul>
 */
enum Metrics {
    KSERVE("http-usermetric", 9091,
            "histogram_quantile(0.99, sum by (namespace, le) (rate(revision_app_request_latencies_bucket{service_name=\"%s-predictor\"}[5m]))) / 1000",
            "sum by (namespace) (rate(revision_app_request_count{service_name=\"%1$s-predictor\", response_code_class=\"5xx\"}[5m]))"
                    + " / sum by (namespace) (rate(revision_app_request_count{service_name=\"%1$s-predictor\"}[5m]))"),
    DEPLOYMENT("http", -1,
            "histogram_quantile(0.99, sum by (namespace, le) (rate(http_request_duration_seconds_bucket{job=\"%s\"}[5m])))",
            "sum by (namespace) (rate(http_requests_total{job=\"%1$s\", code=~\"5..\"}[5m]))"
                    + " / sum by (namespace) (rate(http_requests_total{job=\"%1$s\"}[5m]))");

    private final String portName;
    private final int port;
    private final String latency;
    private final String errors;

    Metrics(String portName, int port, String latency, String errors) {
        this.portName = portName;
        this.port = port;
        this.latency = latency;
        this.errors = errors;
    }

    static Metrics of(Spec.ServingModel serving) {
        return "kserve".equals(serving.engine()) ? KSERVE : DEPLOYMENT;
    }

    /** The Service port's name the ServiceMonitor scrapes. */
    String portName() {
        return portName;
    }

    /** The pod's port the scraper connects to. */
    int port(Spec.ServingModel serving) {
        if (port > 0) {
            return port;
        }
        return serving.port() == null ? DeploymentServing.DEFAULT_PORT : serving.port();
    }

    /** The p99 request latency of the model {@code name}, in seconds. */
    String latencySeconds(String name) {
        return String.format(latency, name);
    }

    /** The share of the model's requests answered with a 5xx status. */
    String errorRatio(String name) {
        return String.format(errors, name);
    }
}
