package dev.mlgitops.finding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Collects the findings of one run; each run owns its own. Not thread-safe. */
public final class Findings {

    private static final Comparator<Finding> BY_PLACE = Comparator
            .comparing((Finding f) -> f.position().map(Position::line).orElse(Integer.MAX_VALUE))
            .thenComparing(f -> f.position().map(Position::column).orElse(Integer.MAX_VALUE))
            .thenComparing(Finding::jsonPath)
            .thenComparing(f -> f.code().id())
            .thenComparing(Finding::message);

    private final List<Finding> all = new ArrayList<>();

    public void add(Finding finding) {
        if (!all.contains(finding)) {
            all.add(finding);
        }
    }

    public void add(Code code, String jsonPath, Position position, String message) {
        add(Finding.of(code, jsonPath, position, message));
    }

    public void addAll(Findings other) {
        other.all.forEach(this::add);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Finding::isError);
    }

    /** Whether any finding is as severe as {@code threshold} or more. */
    public boolean reach(Severity threshold) {
        return all.stream().anyMatch(finding -> finding.severity().compareTo(threshold) <= 0);
    }

    public long errorCount() {
        return all.stream().filter(Finding::isError).count();
    }

    public long warningCount() {
        return all.size() - errorCount();
    }

    /** All findings, sorted by file position so the output reads like a compiler's. */
    public List<Finding> sorted() {
        List<Finding> copy = new ArrayList<>(all);
        copy.sort(BY_PLACE);
        return Collections.unmodifiableList(copy);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }
}
