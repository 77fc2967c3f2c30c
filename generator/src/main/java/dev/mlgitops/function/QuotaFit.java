package dev.mlgitops.function;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mlgitops.check.Quantity;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.function.Workloads.Container;
import dev.mlgitops.function.Workloads.PodGroup;
import dev.mlgitops.function.Workloads.Workload;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;

/**
 * Each workload at its largest scale (replicas, an autoscaler's maximum, a job's master and
 * workers, the DAG steps that may run at once) against the namespace's ResourceQuota, as quota
 * admission counts a pod: the larger of its biggest init container and the sum of its containers,
 * containers without resources taking the LimitRange's defaults. A workload larger than the quota
 * never runs (an error); the always-on workloads together with the largest batch one beyond it
 * run only in turns (a warning).
 */
final class QuotaFit {

    /** The quota keys counted, and the quota key that also means each (cpu is requests.cpu). */
    private static final Map<String, String> RESOURCES = new LinkedHashMap<>();

    static {
        RESOURCES.put("requests.cpu", "cpu");
        RESOURCES.put("requests.memory", "memory");
        RESOURCES.put("requests.nvidia.com/gpu", "nvidia.com/gpu");
        RESOURCES.put("limits.cpu", "");
        RESOURCES.put("limits.memory", "");
        RESOURCES.put("limits.nvidia.com/gpu", "");
    }

    private final Locator locator;
    private final Map<String, BigDecimal> hard = new LinkedHashMap<>();
    private final Map<String, String> hardText = new LinkedHashMap<>();
    private final Map<String, BigDecimal> defaults = new LinkedHashMap<>();

    QuotaFit(Locator locator, List<TypedObject> objects) {
        this.locator = locator;
        for (TypedObject object : objects) {
            JsonNode spec = object.manifest().path("spec");
            if (object.key().kind().equals("ResourceQuota")) {
                RESOURCES.forEach((key, alias) -> {
                    JsonNode value = spec.path("hard").has(key) ? spec.path("hard").get(key) : spec.path("hard").path(alias);
                    Quantity.parse(value.asString(null)).ifPresent(q -> {
                        hard.merge(key, q, BigDecimal::min);
                        hardText.put(key, value.asString(""));
                    });
                });
            } else if (object.key().kind().equals("LimitRange")) {
                for (JsonNode limit : spec.path("limits")) {
                    if (limit.path("type").asString("").equals("Container")) {
                        limit.path("defaultRequest").properties().forEach(e ->
                                Quantity.parse(e.getValue().asString(null)).ifPresent(q -> defaults.put("requests." + e.getKey(), q)));
                        limit.path("default").properties().forEach(e ->
                                Quantity.parse(e.getValue().asString(null)).ifPresent(q -> defaults.put("limits." + e.getKey(), q)));
                    }
                }
            }
        }
    }

    /**
     * @param environment the environment's name, for the warning whose figures differ by environment
     */
    void check(String environment, List<Workload> workloads, List<Finding> findings) {
        if (hard.isEmpty()) {
            return;
        }
        Map<String, BigDecimal> alwaysOn = new LinkedHashMap<>();
        Map<String, BigDecimal> largestBatch = new LinkedHashMap<>();
        Map<String, Workload> largestBatchBy = new LinkedHashMap<>();
        for (Workload workload : workloads) {
            Map<String, BigDecimal> total = largest(workload);
            Set<String> reported = new HashSet<>();
            for (var entry : hard.entrySet()) {
                BigDecimal asked = total.getOrDefault(entry.getKey(), BigDecimal.ZERO);
                // one finding per spec field: memory's requests and limits come from the same quota.memory
                if (asked.compareTo(entry.getValue()) > 0 && reported.add(spec(entry.getKey()))) {
                    findings.add(locator.finding(Code.FUNCTION_QUOTA_WORKLOAD, workload.object().source(),
                            Code.FUNCTION_QUOTA_WORKLOAD.message(workload.describe(), scale(workload), plain(asked),
                                    entry.getKey(), hardText.get(entry.getKey()), spec(entry.getKey()))));
                }
                if (workload.batch()) {
                    if (asked.compareTo(largestBatch.getOrDefault(entry.getKey(), BigDecimal.ZERO)) > 0) {
                        largestBatch.put(entry.getKey(), asked);
                        largestBatchBy.put(entry.getKey(), workload);
                    }
                } else {
                    alwaysOn.merge(entry.getKey(), asked, BigDecimal::add);
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (var entry : hard.entrySet()) {
            BigDecimal together = alwaysOn.getOrDefault(entry.getKey(), BigDecimal.ZERO)
                    .add(largestBatch.getOrDefault(entry.getKey(), BigDecimal.ZERO));
            if (together.compareTo(entry.getValue()) > 0 && largestBatchBy.containsKey(entry.getKey())
                    && reported.add(spec(entry.getKey()))) {
                findings.add(locator.finding(Code.FUNCTION_QUOTA_TOGETHER, "/tenancy/quota",
                        Code.FUNCTION_QUOTA_TOGETHER.message(environment, largestBatchBy.get(entry.getKey()).describe(), plain(together),
                                entry.getKey(), hardText.get(entry.getKey()), spec(entry.getKey()))));
            }
        }
    }

    /** What the workload asks for at its largest scale, by quota key. */
    Map<String, BigDecimal> largest(Workload workload) {
        List<PodGroup> groups = workload.groups();
        boolean dag = groups.stream().anyMatch(g -> !g.task().isEmpty());
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        for (String key : RESOURCES.keySet()) {
            if (dag) {
                total.put(key, concurrent(groups, key));
            } else {
                BigDecimal sum = BigDecimal.ZERO;
                for (PodGroup group : groups) {
                    sum = sum.add(pod(group, key).multiply(BigDecimal.valueOf(group.count() + group.extra())));
                }
                total.put(key, sum);
            }
        }
        return total;
    }

    /**
     * The most a DAG's steps ask for at once: the heaviest set of steps none of which depends on
     * another (directly or not). Exact up to 16 steps; beyond, every step at once.
     */
    private BigDecimal concurrent(List<PodGroup> groups, String key) {
        int n = groups.size();
        if (n > 16) {
            return groups.stream().map(g -> pod(g, key)).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        boolean[][] ordered = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ordered[i][j] = i != j && dependsOn(groups, i, j, new boolean[n]);
            }
        }
        // each step's pod once, not once for every set it is in
        BigDecimal[] pods = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            pods[i] = pod(groups.get(i), key);
        }
        BigDecimal best = BigDecimal.ZERO;
        for (int set = 1; set < 1 << n; set++) {
            BigDecimal sum = BigDecimal.ZERO;
            boolean independent = true;
            for (int i = 0; i < n && independent; i++) {
                if ((set & 1 << i) == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if ((set & 1 << j) != 0 && (ordered[i][j] || ordered[j][i])) {
                        independent = false;
                        break;
                    }
                }
                sum = sum.add(pods[i]);
            }
            if (independent && sum.compareTo(best) > 0) {
                best = sum;
            }
        }
        return best;
    }

    private static boolean dependsOn(List<PodGroup> groups, int i, int j, boolean[] seen) {
        if (seen[i]) {
            return false;
        }
        seen[i] = true;
        List<String> task = groups.get(i).task();
        for (String after : task.subList(Math.min(1, task.size()), task.size())) {
            for (int k = 0; k < groups.size(); k++) {
                if (groups.get(k).role().equals(after) && (k == j || dependsOn(groups, k, j, seen))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One pod as quota admission counts it: max(largest init container, sum of containers). */
    private BigDecimal pod(PodGroup group, String key) {
        BigDecimal init = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (Container container : group.containers()) {
            BigDecimal amount = amount(container.node().path("resources"), key);
            if (container.init()) {
                init = init.max(amount);
            } else {
                sum = sum.add(amount);
            }
        }
        return init.max(sum);
    }

    private BigDecimal amount(JsonNode resources, String key) {
        int dot = key.indexOf('.');
        String section = key.substring(0, dot);
        String resource = key.substring(dot + 1);
        JsonNode value = resources.path(section).path(resource);
        if (value.isMissingNode() && section.equals("requests")) {
            // a request left out defaults to the limit, when one is set
            value = resources.path("limits").path(resource);
        }
        if (value.isMissingNode() || value.isNull()) {
            boolean hasAny = resources.path("requests").has(resource) || resources.path("limits").has(resource);
            return hasAny ? BigDecimal.ZERO : defaults.getOrDefault(key, BigDecimal.ZERO);
        }
        return Quantity.parse(value.asString(value.toString())).orElse(BigDecimal.ZERO);
    }

    private static String scale(Workload workload) {
        List<String> parts = new ArrayList<>();
        for (PodGroup group : workload.groups()) {
            if (group.task().isEmpty()) {
                parts.add(group.count() + (group.role().isEmpty() ? "" : " " + group.role()) + (group.count() == 1 ? " pod" : " pods"));
                if (group.extra() > 0) {
                    parts.add(group.extra() + (group.extra() == 1 ? " pod " : " pods ") + group.extraWhy());
                }
            }
        }
        return parts.isEmpty() ? "the steps that may run at once" : String.join(" + ", parts);
    }

    /** The spec field of a quota key. */
    private static String spec(String key) {
        return key.endsWith("cpu") ? "cpu" : key.endsWith("memory") ? "memory" : "gpu";
    }

    private static String plain(BigDecimal amount) {
        BigDecimal gi = BigDecimal.valueOf(1L << 30);
        if (amount.compareTo(gi) >= 0 && amount.remainder(gi).signum() == 0) {
            return amount.divide(gi).toPlainString() + "Gi";
        }
        return amount.stripTrailingZeros().toPlainString();
    }
}
