package dev.mlgitops.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.write.TreeComparison;
import tools.jackson.databind.node.ObjectNode;

/**
 * What publishing a generated tree over the committed one would change: files, objects per
 * environment and stage (each environment's objects built from its overlays), and the flags a
 * reviewer must not miss. {@link #markdown} is the pull request's review.md.
 */
public final class TreeReview {

    private final String root;
    private final String production;
    private final SortedMap<String, String> generated;
    private final SortedMap<String, String> committed;
    private final TreeComparison files;
    private final List<ObjectChange> changes;
    private final List<Flag> flags;
    private final int committedObjectCount;

    private TreeReview(String root, String production, SortedMap<String, String> generated, SortedMap<String, String> committed,
                       List<Flag> known) {
        this.root = root;
        this.production = production;
        this.generated = generated;
        this.committed = committed;
        this.files = TreeComparison.between(generated, committed);
        SortedMap<TreeObjects.EnvironmentStage, SortedMap<String, ObjectNode>> before = TreeObjects.of(committed);
        SortedMap<TreeObjects.EnvironmentStage, SortedMap<String, ObjectNode>> after = TreeObjects.of(generated);
        this.committedObjectCount = before.values().stream().mapToInt(Map::size).sum();
        this.changes = new ArrayList<>();
        this.flags = new ArrayList<>(known);
        TreeSet<TreeObjects.EnvironmentStage> scopes = new TreeSet<>(before.keySet());
        scopes.addAll(after.keySet());
        for (TreeObjects.EnvironmentStage scope : scopes) {
            compare(scope, before.getOrDefault(scope, new TreeMap<>()), after.getOrDefault(scope, new TreeMap<>()));
        }
    }

    /**
     * @param generated the tree generated now
     * @param committed the files under the same root as committed, by path relative to it
     * @param production the production environment's name: the spec's last environment
     */
    public static TreeReview of(OutputTree generated, Map<String, String> committed, String production) {
        return of(generated, committed, production, List.of());
    }

    /**
     * The same, with flags the change's maker knows and the trees cannot show (a promotion that
     * skipped an environment), listed first.
     */
    public static TreeReview of(OutputTree generated, Map<String, String> committed, String production, List<Flag> known) {
        return new TreeReview(generated.root(), Objects.requireNonNull(production, "production"),
                new TreeMap<>(generated.files()), new TreeMap<>(committed), known);
    }

    private void compare(TreeObjects.EnvironmentStage scope, SortedMap<String, ObjectNode> before, SortedMap<String, ObjectNode> after) {
        boolean prod = scope.environment().equals(production);
        for (Map.Entry<String, ObjectNode> entry : after.entrySet()) {
            ObjectNode old = before.get(entry.getKey());
            if (old == null) {
                add(scope, entry.getKey(), ObjectChange.Change.ADDED);
                ContentFlags.added(entry.getKey(), entry.getValue(), prod && committedObjectCount > 0, committedObjectCount > 0,
                        scope.environment(), flags);
            } else if (!old.equals(entry.getValue())) {
                add(scope, entry.getKey(), ObjectChange.Change.CHANGED);
                ContentFlags.changed(entry.getKey(), old, entry.getValue(), prod, scope.environment(), flags);
            }
        }
        for (String id : before.keySet()) {
            if (!after.containsKey(id)) {
                add(scope, id, ObjectChange.Change.REMOVED);
                ContentFlags.removed(id, scope.environment(), flags);
            }
        }
    }

    private void add(TreeObjects.EnvironmentStage scope, String id, ObjectChange.Change change) {
        changes.add(new ObjectChange(scope.environment(), scope.stage(), id, change));
    }

    public String root() {
        return root;
    }

    public String production() {
        return production;
    }

    /** The files that differ. */
    public TreeComparison files() {
        return files;
    }

    /** The objects that differ, by environment, stage and object. */
    public List<ObjectChange> changes() {
        return List.copyOf(changes);
    }

    /** How many objects the committed tree gives all environments together; 0 for an empty root. */
    public int committedObjectCount() {
        return committedObjectCount;
    }

    /** The flags known beforehand, those of the content (replicas, PDBs, NetworkPolicies, images, sync), then the guard's. */
    public List<Flag> flags(DeletionGuard guard) {
        List<Flag> all = new ArrayList<>(flags);
        all.addAll(guard.flags(this));
        return all;
    }

    /** The review as Markdown: flags, a table of changes, the objects per environment and stage, a diff per changed file. */
    public String markdown(String comparedWith, DeletionGuard guard) {
        return new ReviewMarkdown(this, generated, committed).render(comparedWith, guard, true);
    }

    /**
     * The review's summary as Markdown, for a CI step summary: flags, release changes, a table of
     * changes, the objects per environment and stage, the files in the drift notation; no diffs.
     */
    public String summaryMarkdown(String comparedWith, DeletionGuard guard) {
        return new ReviewMarkdown(this, generated, committed).render(comparedWith, guard, false);
    }

    /** A few lines for a build log: the counts, then every flag. */
    public List<String> summary(DeletionGuard guard) {
        long added = count(ObjectChange.Change.ADDED);
        long changed = count(ObjectChange.Change.CHANGED);
        long removed = count(ObjectChange.Change.REMOVED);
        List<String> lines = new ArrayList<>();
        lines.add(changes.isEmpty() ? "no object changes" : "objects: " + added + " added, " + changed + " changed, " + removed
                + " removed; files: " + files.missing().size() + " added, " + files.different().size() + " changed, "
                + files.stale().size() + " removed");
        flags(guard).forEach(flag -> lines.add(flag.line()));
        return lines;
    }

    private long count(ObjectChange.Change change) {
        return changes.stream().filter(c -> c.change() == change).count();
    }
}
