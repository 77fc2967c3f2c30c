package dev.mlgitops.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

import dev.mlgitops.model.Stage;

/**
 * What a generate run did, as a table a person reads: one row per environment and stage with
 * the objects rendered and the files written, unchanged and removed. The bases are the
 * environment {@code base}; the AppProject is {@code (project)}; each environment's root
 * Application is its stage {@code argocd}. The text is the same for the same run, but for the time.
 */
public record RunSummary(List<Row> rows) {

    static final String SHARED = "(project)";
    static final String ARGOCD = "argocd";
    private static final String[] HEADINGS = {"environment", "stage", "objects", "written", "unchanged", "removed"};

    public RunSummary {
        rows = List.copyOf(rows);
    }

    /** One environment and stage; a file of Argo CD counts as one object. */
    public record Row(String environment, String stage, int objects, int written, int unchanged, int removed) {
    }

    /**
     * @param objects the objects rendered, by environment ({@code base} first, then promotion order) and stage
     * @param result what writing the tree did, by path relative to the tree's root
     */
    public static RunSummary of(Map<String, Map<Stage, Integer>> objects, WriteResult result) {
        Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
        objects.forEach((environment, byStage) -> byStage.forEach((stage, n) -> cell(counts, environment, stage.folder())[0] += n));
        count(counts, result.written(), 1);
        count(counts, result.unchanged(), 2);
        count(counts, result.removed(), 3);
        List<String> order = new ArrayList<>(objects.keySet());
        counts.keySet().stream().filter(e -> !order.contains(e) && !e.equals(SHARED)).sorted().forEach(order::add);
        order.add(SHARED);
        List<Row> rows = new ArrayList<>();
        for (String environment : order) {
            counts.getOrDefault(environment, Map.of()).entrySet().stream()
                    .sorted(Comparator.comparingInt(entry -> stageOrder(entry.getKey())))
                    .forEach(entry -> {
                        int[] n = entry.getValue();
                        rows.add(new Row(environment, entry.getKey(), n[0], n[1], n[2], n[3]));
                    });
        }
        return new RunSummary(rows);
    }

    /** The table, with a total line. */
    public String table() {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADINGS);
        for (Row row : rows) {
            lines.add(new String[] {row.environment(), row.stage(), Integer.toString(row.objects()),
                Integer.toString(row.written()), Integer.toString(row.unchanged()), Integer.toString(row.removed())});
        }
        lines.add(new String[] {"total", "", sum(Row::objects), sum(Row::written), sum(Row::unchanged), sum(Row::removed)});
        int[] widths = new int[HEADINGS.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                // names to the left, numbers to the right
                String cell = i < 2 ? pad(line[i], widths[i], false) : pad(line[i], widths[i], true);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The table, then how long the run took. */
    public String table(Duration took) {
        return table() + String.format(Locale.ROOT, "done in %.1f s%n", took.toMillis() / 1000.0);
    }

    private String sum(ToIntFunction<Row> column) {
        return Integer.toString(rows.stream().mapToInt(column).sum());
    }

    private static void count(Map<String, Map<String, int[]>> counts, List<String> files, int column) {
        for (String file : files) {
            String[] place = place(file);
            cell(counts, place[0], place[1])[column]++;
            if (place[1].equals(ARGOCD)) {
                // an Argo CD file holds one object of its own
                cell(counts, place[0], place[1])[0] += column == 3 ? 0 : 1;
            }
        }
    }

    private static int[] cell(Map<String, Map<String, int[]>> counts, String environment, String stage) {
        return counts.computeIfAbsent(environment, e -> new LinkedHashMap<>()).computeIfAbsent(stage, s -> new int[4]);
    }

    /** The environment and stage a file of the tree belongs to. */
    static String[] place(String file) {
        String[] parts = file.split("/");
        if (parts[0].equals("base") && parts.length > 2) {
            return new String[] {"base", parts[1]};
        }
        if (parts[0].equals("overlays") && parts.length > 3) {
            return new String[] {parts[1], parts[2]};
        }
        if (parts[0].equals(ARGOCD) && parts.length == 4 && parts[2].equals("apps")) {
            return new String[] {parts[1], parts[3].replaceFirst("\\.yaml$", "")};
        }
        if (parts[0].equals(ARGOCD) && parts.length == 3) {
            return new String[] {parts[1], ARGOCD};
        }
        return new String[] {SHARED, parts[0].equals(ARGOCD) ? ARGOCD : parts[0]};
    }

    private static int stageOrder(String stage) {
        return Stage.byFolder(stage).map(Enum::ordinal).orElse(Stage.values().length);
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
