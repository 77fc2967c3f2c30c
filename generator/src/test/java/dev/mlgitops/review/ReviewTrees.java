package dev.mlgitops.review;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.build.Builder;
import dev.mlgitops.build.BuildOptions;

/** The reference project's tree, and copies of it with one file edited or one object taken out. */
final class ReviewTrees {

    static final Path SPEC = Path.of("..", "example-repo", "mlproject.yaml");

    private ReviewTrees() {
    }

    static OutputTree reference() {
        return Builder.build(SPEC, BuildOptions.defaults()).tree().orElseThrow();
    }

    static OutputTree edit(OutputTree tree, String file, UnaryOperator<String> change) {
        SortedMap<String, String> files = new TreeMap<>(tree.files());
        String before = files.get(file);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new AssertionError("the edit changed nothing in " + file);
        }
        files.put(file, after);
        return new OutputTree(tree.root(), files);
    }

    /** With {@code from} replaced by {@code to} in every file that holds it. */
    static OutputTree editEverywhere(OutputTree tree, String from, String to) {
        SortedMap<String, String> files = new TreeMap<>(tree.files());
        files.replaceAll((path, text) -> text.replace(from, to));
        if (files.equals(tree.files())) {
            throw new AssertionError("no file holds " + from);
        }
        return new OutputTree(tree.root(), files);
    }

    /** Without the object file, and without its line in the folder's kustomization.yaml. */
    static OutputTree without(OutputTree tree, String file) {
        SortedMap<String, String> files = new TreeMap<>(tree.files());
        if (files.remove(file) == null) {
            throw new AssertionError("no " + file);
        }
        String folder = file.substring(0, file.lastIndexOf('/'));
        String name = file.substring(file.lastIndexOf('/') + 1);
        files.computeIfPresent(folder + "/kustomization.yaml", (path, text) -> text.replace("- " + name + "\n", ""));
        return new OutputTree(tree.root(), files);
    }

    /** Without the explainer's PodDisruptionBudget and its NetworkPolicy: 6 of the reference's 64 objects. */
    static OutputTree withoutPdbAndNetworkPolicy(OutputTree tree) {
        return without(without(tree, "base/serving/poddisruptionbudget-fraud-detection-explainer.yaml"),
                "base/tenancy/networkpolicy-fraud-detection-explainer-allow-http.yaml");
    }

    /** Without every file under {@code folder}. */
    static OutputTree withoutFolder(OutputTree tree, String folder) {
        SortedMap<String, String> files = new TreeMap<>(tree.files());
        files.keySet().removeIf(path -> path.startsWith(folder + "/"));
        return new OutputTree(tree.root(), files);
    }

    static Map<String, String> files(OutputTree tree) {
        return tree.files();
    }
}
