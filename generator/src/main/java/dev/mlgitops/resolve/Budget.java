package dev.mlgitops.resolve;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.load.SourceMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounds what a spec under the file size limit can cost before anything is resolved: every
 * environment renders every workload item again, so 5,000 models in 100 environments (an 829 KB
 * file) would take gigabytes. The measure is (workload items + 1) x (environments + 1), the +1s
 * for each environment's tenancy and for the base; the benchmark's N=1000 spec is 1,501 x 4 = 6,004.
 */
final class Budget {

    /** About 1.7 times the benchmark's N=1000 spec, which builds in a 512 MB heap. */
    static final int MAX_RENDERINGS = 10_000;

    private Budget() {
    }

    /** Whether the spec is within the budget; reports it at spec.environments when not. */
    static boolean check(ObjectNode spec, SourceMap sources, Findings findings) {
        long items = size(spec.get("serving")) + size(spec.get("training")) + size(spec.get("notebooks"));
        long environments = size(spec.get("environments"));
        long renderings = (items + 1) * (environments + 1);
        if (renderings <= MAX_RENDERINGS) {
            return true;
        }
        String pointer = "/spec/environments";
        findings.add(Code.SPEC_COST, SourceMap.dotted(pointer), sources.at(pointer),
                Code.SPEC_COST.message(items, environments, renderings, MAX_RENDERINGS));
        return false;
    }

    private static long size(JsonNode node) {
        return node != null && node.isObject() ? node.size() : 0;
    }
}
