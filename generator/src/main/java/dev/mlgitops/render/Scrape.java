package dev.mlgitops.render;

import java.util.Map;

/**
 * A server of a stage other than serving that exposes Prometheus metrics, as its engine declares
 * it ({@link Engine#scrapes}): the monitoring stage gives it a ServiceMonitor and lets Prometheus's
 * namespace in to its port, exactly as it does for a served model's {@link Metrics}.
 *
 * @param name     the Service's (and the workload's) object name
 * @param selector the Service's name label, which the ServiceMonitor selects by
 * @param portName the Service port's name the ServiceMonitor scrapes
 * @param port     the pod's port behind it, which the NetworkPolicy opens to Prometheus
 * @param path     the HTTP path of the metrics
 */
public record Scrape(String name, Map<String, String> selector, String portName, int port, String path) {

    public Scrape {
        selector = Map.copyOf(selector);
    }
}
