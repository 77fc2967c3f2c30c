package dev.mlgitops.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.TrainingFields;

/** A pipeline's {@code dependsOn} must name its own steps and must not go round in a cycle. */
final class StepGraph implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().training().forEach((pipeline, job) -> {
            Map<String, TrainingFields.Steps.Step> steps = TrainingFields.Steps.of(job);
            steps.forEach((step, definition) -> {
                for (int i = 0; i < definition.dependsOn().size(); i++) {
                    String needed = definition.dependsOn().get(i);
                    if (!steps.containsKey(needed)) {
                        findings.add(environment.locator().finding(Code.CHECK_STEP_UNKNOWN,
                                Pointers.of("training", pipeline, "steps", step, "dependsOn") + "/" + i,
                                Code.CHECK_STEP_UNKNOWN.message(step, needed, Shown.list(steps.keySet()))));
                    }
                }
            });
            List<String> cycle = findCycle(steps);
            if (!cycle.isEmpty()) {
                findings.add(environment.locator().finding(Code.CHECK_STEP_CYCLE,
                        Pointers.of("training", pipeline, "steps", cycle.get(0), "dependsOn"),
                        Code.CHECK_STEP_CYCLE.message(Shown.list(cycle, " -> "))));
            }
        });
    }

    /** The first cycle found, closed ({@code a -> b -> a}), or empty. Steps are visited in file order. */
    static List<String> findCycle(Map<String, TrainingFields.Steps.Step> steps) {
        Set<String> done = new HashSet<>();
        for (String start : steps.keySet()) {
            List<String> cycle = visit(start, steps, new LinkedHashSet<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String step, Map<String, TrainingFields.Steps.Step> steps,
                                      LinkedHashSet<String> path, Set<String> done) {
        if (path.contains(step)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (String onPath : path) {
                inCycle |= onPath.equals(step);
                if (inCycle) {
                    cycle.add(onPath);
                }
            }
            cycle.add(step);
            return cycle;
        }
        if (done.contains(step) || !steps.containsKey(step)) {
            return List.of();
        }
        path.add(step);
        for (String next : steps.get(step).dependsOn()) {
            List<String> cycle = visit(next, steps, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(step);
        done.add(step);
        return List.of();
    }
}
