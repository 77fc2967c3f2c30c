package dev.mlgitops.render;

/**
 * The request metrics a serving engine's model server exposes, as the monitoring stage reads
 * them: where the ServiceMonitor scrapes, the PromQL of the two alerts, and the series whose
 * absence means the alerts read nothing. Every query sums by namespace and, in an environment,
 * selects that environment's namespace only (the {@code namespace} label Prometheus puts on every
 * target a ServiceMonitor finds), so two environments on one cluster never mix. Each serving
 * engine says in its Javadoc where its metrics come from.
 *
 * <p>In the formats, {@code %1$s} is the model's object name and {@code %2$s} the namespace
 * matcher with its comma ({@code namespace="fraud", }), written first inside the braces; empty
 * in the base, which names no namespace.
 *
 * @param portName the Service port's name the ServiceMonitor scrapes
 * @param port     the pod's port the scraper connects to; 0 when it is the model server's own port
 * @param latency  the p99 request latency in seconds
 * @param errors   the share of requests answered with a 5xx status
 * @param series   the series the alerts read, which must exist once the model has served a request
 */
public record Metrics(String portName, int port, String latency, String errors, String series) {

    /** The p99 request latency of the model {@code name}, in seconds; {@code namespace} null in the base. */
    String latencySeconds(String name, String namespace) {
        return String.format(latency, name, matcher(namespace));
    }

    /** The share of the model's requests answered with a 5xx status. */
    String errorRatio(String name, String namespace) {
        return String.format(errors, name, matcher(namespace));
    }

    /** True (one series) when the model's request series is missing: no request yet, or a metric renamed. */
    String absent(String name, String namespace) {
        return "absent(" + String.format(series, name, matcher(namespace)) + ")";
    }

    private static String matcher(String namespace) {
        return namespace == null ? "" : "namespace=\"" + namespace + "\", ";
    }
}
