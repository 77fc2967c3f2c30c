package dev.mlgitops.render;

/**
 * The request metrics a serving engine's model server exposes, as the monitoring stage reads
 * them: where the ServiceMonitor scrapes and the PromQL of the two alerts. Every query sums by
 * namespace: the base names no namespace, and one rule then alerts per environment. Each serving
 * engine says in its Javadoc where its metrics come from.
 *
 * @param portName the Service port's name the ServiceMonitor scrapes
 * @param port     the pod's port the scraper connects to; 0 when it is the model server's own port
 * @param latency  the p99 request latency in seconds; {@code %s} is the model's object name
 * @param errors   the share of requests answered with a 5xx status; {@code %1$s} is the model's object name
 */
public record Metrics(String portName, int port, String latency, String errors) {

    /** The p99 request latency of the model {@code name}, in seconds. */
    String latencySeconds(String name) {
        return String.format(latency, name);
    }

    /** The share of the model's requests answered with a 5xx status. */
    String errorRatio(String name) {
        return String.format(errors, name);
    }
}
