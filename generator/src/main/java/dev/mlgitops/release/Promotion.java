package dev.mlgitops.release;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.model.RunInputs;
import dev.mlgitops.model.Spec;
import dev.mlgitops.release.PromotionResult.Change;
import dev.mlgitops.release.PromotionResult.Status;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Promotes a release from one environment to the next, on the files of a committed tree, JGit
 * porcelain style: made with the required arguments, set up with the optional ones, run once
 * with {@link #call()}. It is plumbing: it reads and writes no repository. The caller hands it
 * the tree (as {@code readTree} reads it) and, for the checks and rollbacks, the releases each
 * environment had in the repository's history.
 *
 * <p>The target's {@code release.yaml}, its overlays' {@code images:} entries and its pin patches
 * ({@code image} and {@code storageUri} values, a registered model's reference in an init
 * container's env and its pods' version label) change from the target's release to the new
 * one; nothing else in the tree changes. Like a Kargo Stage, a target accepts only a release its
 * previous environment has had, unless skipping is allowed.
 */
public final class Promotion {

    private static final Pattern STAGE_KUSTOMIZATION = Pattern.compile("overlays/([^/]+)/[^/]+/kustomization\\.yaml");

    private final SortedMap<String, String> files;
    private final List<String> environments;
    private final String target;
    private Optional<String> from = Optional.empty();
    private Optional<String> releaseId = Optional.empty();
    private boolean allowSkip;
    private List<PastRelease> history = List.of();
    private boolean called;

    private Promotion(Map<String, String> files, List<String> environments, String target) {
        this.files = new TreeMap<>(Objects.requireNonNull(files, "files"));
        this.environments = List.copyOf(environments);
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * @param files the committed tree's files, by path relative to its root
     * @param environments the spec's environments in promotion order
     * @param target the environment to promote to ({@code --to})
     */
    public static Promotion to(Map<String, String> files, List<String> environments, String target) {
        return new Promotion(files, environments, target);
    }

    /** The environment whose pinned release to promote ({@code --from}). Default: the one before the target. */
    public Promotion setFrom(String environment) {
        this.from = Optional.ofNullable(environment).filter(e -> !e.isBlank());
        return this;
    }

    /**
     * Pin this release instead ({@code --release ID}): one the target had before (a rollback), else
     * one the source environment has or had. Found in {@link #setHistory the history}. Default: none.
     */
    public Promotion setRelease(String id) {
        this.releaseId = Optional.ofNullable(id).map(String::strip).filter(i -> !i.isEmpty());
        return this;
    }

    /** Accept a release the environment before the target never had ({@code --allow-skip}). Default false. */
    public Promotion setAllowSkip(boolean allow) {
        this.allowSkip = allow;
        return this;
    }

    /** The releases the environments pinned in the repository's history, newest first. Default: none. */
    public Promotion setHistory(List<PastRelease> releases) {
        this.history = List.copyOf(releases);
        return this;
    }

    public PromotionResult call() {
        if (called) {
            throw new IllegalStateException("a Promotion runs once; make a new one with Promotion.to");
        }
        called = true;
        int index = environments.indexOf(target);
        if (index < 0) {
            return refused(Status.REFUSED, "no environment '" + target + "' in the spec (" + String.join(", ", environments) + ")",
                    Optional.empty(), Optional.empty(), "");
        }
        if (index == 0) {
            return refused(Status.REFUSED, target + " is the first environment: it deploys the spec's artifacts on every"
                    + " generate, so a promotion to it would not last; change the spec instead", Optional.empty(), Optional.empty(), "");
        }
        SortedMap<String, Release> pinned;
        try {
            pinned = Releases.pinned(files);
        } catch (MlGitopsException e) {
            return refused(Status.REFUSED, e.getMessage(), Optional.empty(), Optional.empty(), "");
        }
        Optional<Release> previous = Optional.ofNullable(pinned.get(target));
        if (previous.isEmpty()) {
            return refused(Status.REFUSED, Release.path(target) + " is missing: the tree pins no release in " + target
                    + " yet; generate and publish it first", previous, Optional.empty(), "");
        }
        String before = environments.get(index - 1);
        String source = from.orElse(before);
        if (!environments.contains(source)) {
            return refused(Status.REFUSED, "no environment '" + source + "' in the spec (" + String.join(", ", environments) + ")",
                    previous, Optional.empty(), source);
        }
        Optional<Release> release;
        boolean rollback = false;
        if (releaseId.isPresent()) {
            release = had(target, pinned).stream().filter(r -> r.id().equals(releaseId.get())).findFirst();
            rollback = release.isPresent();
            if (release.isEmpty()) {
                release = had(source, pinned).stream().filter(r -> r.id().equals(releaseId.get())).findFirst();
            }
            if (release.isEmpty()) {
                return refused(Status.NOT_FOUND, "release " + releaseId.get() + " is not in the history of " + target + " nor of "
                        + source + "; " + target + " has had " + ids(had(target, pinned)) + ", " + source + " has had "
                        + ids(had(source, pinned)), previous, Optional.empty(), source);
            }
        } else {
            release = Optional.ofNullable(pinned.get(source));
            if (release.isEmpty()) {
                return refused(Status.REFUSED, Release.path(source) + " is missing: " + source + " pins no release to promote",
                        previous, Optional.empty(), source);
            }
        }
        String origin = rollback ? "history" : source;
        Release next = release.get();
        if (next.id().equals(previous.get().id())) {
            return new PromotionResult(Status.UNCHANGED, target + " pins release " + next.id() + " already", target, origin,
                    previous, release, files, new TreeMap<>(), Optional.empty());
        }
        Optional<String> skipped = Optional.empty();
        if (!rollback && had(before, pinned).stream().noneMatch(r -> r.id().equals(next.id()))) {
            if (!allowSkip) {
                return refused(Status.REFUSED, target + " accepts only a release " + before + " has had, and " + before
                        + " never had release " + next.id() + " (" + source + "'s): promote it to " + before
                        + " first, or allow skipping " + before + " (--allow-skip)", previous, release, source);
            }
            skipped = Optional.of(before);
        }
        SortedMap<String, String> promoted;
        try {
            promoted = rewrite(previous.get(), next);
        } catch (MlGitopsException e) {
            return refused(Status.REFUSED, e.getMessage(), previous, release, source);
        }
        SortedMap<String, Change> changes = changes(previous.get(), next);
        String message = (rollback ? "rolled " + target + " back to release " + next.id()
                : "promoted release " + next.id() + " from " + source + " to " + target)
                + " (was " + previous.get().id() + ")";
        return new PromotionResult(rollback ? Status.ROLLED_BACK : Status.PROMOTED, message, target, origin, previous,
                release, promoted, changes, skipped);
    }

    private PromotionResult refused(Status status, String message, Optional<Release> previous, Optional<Release> release,
            String source) {
        return new PromotionResult(status, message, target, source, previous, release, files, new TreeMap<>(), Optional.empty());
    }

    /** The releases an environment has had: its pinned one, then those of its history, each once. */
    private List<Release> had(String environment, Map<String, Release> pinned) {
        Set<Release> releases = new LinkedHashSet<>();
        Optional.ofNullable(pinned.get(environment)).ifPresent(releases::add);
        history.stream().filter(past -> past.environment().equals(environment)).map(PastRelease::release).forEach(releases::add);
        return new ArrayList<>(releases);
    }

    private static String ids(List<Release> releases) {
        return releases.isEmpty() ? "none" : String.join(", ", releases.stream().map(Release::id).toList());
    }

    static SortedMap<String, Change> changes(Release before, Release after) {
        SortedMap<String, Change> changes = new TreeMap<>();
        Set<String> artifacts = new LinkedHashSet<>(before.artifacts().keySet());
        artifacts.addAll(after.artifacts().keySet());
        for (String artifact : artifacts) {
            Optional<String> old = Optional.ofNullable(before.artifacts().get(artifact));
            Optional<String> now = Optional.ofNullable(after.artifacts().get(artifact));
            if (!old.equals(now)) {
                changes.put(artifact, new Change(old, now));
            }
        }
        return changes;
    }

    /** The tree with the target's release file and pins moved from {@code before} to {@code after}. */
    private SortedMap<String, String> rewrite(Release before, Release after) {
        Map<String, String> images = references(before.images(), after.images(), "image");
        Map<String, String> models = references(before.models(), after.models(), "model location");
        SortedMap<String, String> promoted = new TreeMap<>(files);
        String releasePath = Release.path(target);
        promoted.put(releasePath, header(files.get(releasePath)) + KubeYaml.write(after.toYaml()));
        files.forEach((path, text) -> {
            var matcher = STAGE_KUSTOMIZATION.matcher(path);
            if (matcher.matches() && matcher.group(1).equals(target)) {
                rewriteKustomization(path, text, images, models, after).ifPresent(changed -> promoted.put(path, changed));
            }
        });
        return promoted;
    }

    /**
     * Each reference of the old release to the new release's reference of the same artifact. The
     * overlay names references, not keys: two artifacts sharing one reference must move together.
     */
    private static Map<String, String> references(Map<String, String> before, Map<String, String> after, String what) {
        Map<String, String> moves = new HashMap<>();
        before.forEach((key, old) -> {
            String now = after.get(key);
            if (now == null) {
                return;
            }
            String other = moves.putIfAbsent(old, now);
            if (other != null && !other.equals(now)) {
                throw new MlGitopsException("promoting: two artifacts of the target share the " + what + " " + old
                        + " but the new release gives them different ones (" + other + ", " + now
                        + "); generate the tree from a spec with the new release instead");
            }
        });
        return moves;
    }

    private static Optional<String> rewriteKustomization(String path, String text, Map<String, String> images,
            Map<String, String> models, Release after) {
        JsonNode node = KubeYaml.mapper().readTree(text);
        if (!(node instanceof ObjectNode kustomization)) {
            throw new MlGitopsException("reading " + path + ": it holds no kustomization");
        }
        boolean changed = false;
        if (kustomization.get("images") instanceof ArrayNode entries) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof ObjectNode entry) {
                    String now = images.get(ImageReference.ofKustomizeEntry(entry).toString());
                    if (now != null) {
                        ObjectNode moved = ImageReference.parse(now).kustomizeEntry(entry.path("name").asString());
                        changed |= !moved.equals(entry);
                        entries.set(i, moved);
                    }
                }
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch instanceof ObjectNode object && patch.has("target")
                    && KubeYaml.mapper().readTree(patch.path("patch").asString("")) instanceof ArrayNode operations) {
                boolean patched = false;
                // a registered model's reference moves in its fetching container's env, its pods' label with it
                String fetched = null;
                for (JsonNode operation : operations) {
                    String value = operation.path("value").asString(null);
                    if (isModelReference(operation.path("path").asString("")) && value != null) {
                        fetched = models.getOrDefault(value, value);
                    }
                }
                for (JsonNode operation : operations) {
                    String pointer = operation.path("path").asString("");
                    String value = operation.path("value").asString(null);
                    Map<String, String> moves = pointer.endsWith("/image") ? images
                            : pointer.endsWith("/storageUri") || isModelReference(pointer) ? models : Map.of();
                    // a pipeline's inputs are pinned by key: the release id and its datasets' fields
                    Optional<String> input = runInput(pointer, after);
                    if (input.isEmpty() && fetched != null && pointer.endsWith(VERSION_LABEL)) {
                        input = Optional.of(Spec.Registered.label(fetched));
                    }
                    String now = input.isPresent() ? input.get() : value == null ? null : moves.get(value);
                    if (value != null && now != null && !now.equals(value)) {
                        ((ObjectNode) operation).put("value", now);
                        patched = true;
                    }
                }
                if (patched) {
                    object.put("patch", KubeYaml.write(operations));
                    changed = true;
                }
            }
        }
        return changed ? Optional.of(header(text) + KubeYaml.write(kustomization)) : Optional.empty();
    }

    /** A pod label's pointer ends in its key, '/' escaped as RFC 6901 asks. */
    private static final String VERSION_LABEL = "/" + Spec.Registered.LABEL.replace("~", "~0").replace("/", "~1");

    /** The pointer of an init container's env value: the only such pin is a registered model's reference. */
    private static final Pattern MODEL_REFERENCE = Pattern.compile(".*/initContainers/\\d+/env/\\d+/value");

    private static boolean isModelReference(String pointer) {
        return MODEL_REFERENCE.matcher(pointer).matches();
    }

    /** What the release pins at {@code /data/<key>} of a pipeline's inputs ConfigMap; empty for any other path. */
    private static Optional<String> runInput(String pointer, Release release) {
        if (!pointer.startsWith("/data/")) {
            return Optional.empty();
        }
        String key = pointer.substring("/data/".length());
        if (key.equals(RunInputs.RELEASE)) {
            return Optional.of(release.id());
        }
        return RunInputs.artifactOfKey(key, release.datasets().keySet()).map(release.datasets()::get);
    }

    /** The comment lines a generated file opens with. */
    private static String header(String text) {
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        return header.toString();
    }
}
