package dev.mlgitops.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.RunInputs;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Target;
import dev.mlgitops.release.ImageReference;
import dev.mlgitops.release.Release;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which release each environment pins, and how its overlay applies it.
 *
 * <p>A spec's release holds every key of {@code spec.images} that some rendered object uses, in
 * any environment, every served model's location (its {@code storageUri}, or for
 * {@code model.registered} its registry reference {@code models:/<name>@<alias>} or
 * {@code models:/<name>/<version>}), and the {@code uri} and {@code version} of every dataset a
 * training pipeline reads; each environment takes its own (overridden) value, else the spec's. An environment that follows the spec (the first one,
 * or {@code track: latest}) pins that; any other keeps the release the tree had pinned, for the
 * artifacts the spec still has, and takes the spec's value only for an artifact it never had.
 *
 * <p>The overlay applies the release with kustomize's {@code images:} where it can (an image in a
 * list under {@code containers} or {@code initContainers}, all of one name going to one
 * reference) and with JSON patches elsewhere (an Argo Workflows {@code container.image}, a
 * model's {@code storageUri}, a registered model's reference in its fetching init container's env
 * and the version label of its pods, a key of a pipeline's inputs ConfigMap: its datasets and the
 * release id). The objects themselves stay as the spec renders them.
 */
final class ReleasePins {

    /** Where kustomize's images transformer looks (its legacy filter, which kustomize v5 still runs). */
    private static final Pattern COVERED = Pattern.compile(".*/(containers|initContainers)/\\d+");

    private ReleasePins() {
    }

    /** One overlay's share: its {@code images:} entries and the JSON patches of the rest. */
    record StagePins(ArrayNode images, List<ObjectNode> patches) {
        static final StagePins NONE = new StagePins(JsonNodeFactory.instance.arrayNode(), List.of());
    }

    /**
     * @param pinned the releases the committed tree pins, by environment; empty for an empty tree
     * @return the release each environment pins, in the project's order
     */
    static Map<String, Release> releases(ResolvedProject project, List<TypedObject> base,
            Map<String, List<TypedObject>> environments, Map<String, Release> pinned, Fields fields) {
        Set<String> usedImages = new LinkedHashSet<>(usedImages(project.base(), base, fields));
        Set<String> models = new LinkedHashSet<>(servedModels(project.base().spec()).keySet());
        Set<String> datasets = new LinkedHashSet<>(readDatasets(project.base().spec()).keySet());
        for (ResolvedEnvironment environment : project.environments()) {
            usedImages.addAll(usedImages(environment, environments.getOrDefault(environment.name(), List.of()), fields));
            models.addAll(servedModels(environment.spec()).keySet());
            datasets.addAll(readDatasets(environment.spec()).keySet());
        }
        Map<String, Release> releases = new LinkedHashMap<>();
        for (ResolvedEnvironment environment : project.environments()) {
            Release spec = specRelease(project.base().spec(), environment.spec(), usedImages, models, datasets);
            Release kept = pinned.get(environment.name());
            boolean follows = environment.target().map(Target::followsSpec).orElse(true);
            releases.put(environment.name(), follows || kept == null ? spec : keep(kept, spec));
        }
        return releases;
    }

    private static Release specRelease(Spec base, Spec environment, Set<String> usedImages, Set<String> models,
            Set<String> datasets) {
        SortedMap<String, String> images = new TreeMap<>();
        for (String key : usedImages) {
            Optional.ofNullable(environment.images().get(key)).or(() -> Optional.ofNullable(base.images().get(key)))
                    .ifPresent(reference -> images.put(key, reference));
        }
        Map<String, String> own = servedModels(environment);
        Map<String, String> written = servedModels(base);
        SortedMap<String, String> uris = new TreeMap<>();
        for (String model : models) {
            Optional.ofNullable(own.get(model)).or(() -> Optional.ofNullable(written.get(model)))
                    .ifPresent(uri -> uris.put(model, uri));
        }
        Map<String, String> ownData = readDatasets(environment);
        Map<String, String> writtenData = readDatasets(base);
        SortedMap<String, String> data = new TreeMap<>();
        for (String field : datasets) {
            Optional.ofNullable(ownData.get(field)).or(() -> Optional.ofNullable(writtenData.get(field)))
                    .ifPresent(value -> data.put(field, value));
        }
        return new Release(images, uris, data);
    }

    /** The kept release's artifacts that the spec still has, and the spec's for those it never had. */
    private static Release keep(Release kept, Release spec) {
        SortedMap<String, String> images = new TreeMap<>(spec.images());
        images.replaceAll((key, reference) -> kept.images().getOrDefault(key, reference));
        SortedMap<String, String> models = new TreeMap<>(spec.models());
        models.replaceAll((name, uri) -> kept.models().getOrDefault(name, uri));
        SortedMap<String, String> datasets = new TreeMap<>(spec.datasets());
        datasets.replaceAll((field, value) -> kept.datasets().getOrDefault(field, value));
        return new Release(images, models, datasets);
    }

    /** The uri and version of every dataset some pipeline reads, by {@code <name>.uri} and {@code <name>.version}. */
    private static Map<String, String> readDatasets(Spec spec) {
        Map<String, String> fields = new TreeMap<>();
        spec.training().values().forEach(job -> {
            if (job != null) {
                job.datasets().forEach(name -> {
                    Spec.Dataset dataset = spec.datasets().get(name);
                    if (dataset != null) {
                        fields.put(RunInputs.artifact(name, RunInputs.URI), dataset.uri());
                        fields.put(RunInputs.artifact(name, RunInputs.VERSION), dataset.version());
                    }
                });
            }
        });
        return fields;
    }

    private static Map<String, String> servedModels(Spec spec) {
        Map<String, String> models = new TreeMap<>();
        spec.serving().forEach((name, serving) -> {
            if (serving != null && serving.model() != null && serving.model().location() != null) {
                models.put(name, serving.model().location());
            }
        });
        return models;
    }

    private static Set<String> usedImages(ResolvedEnvironment environment, List<TypedObject> objects, Fields fields) {
        Set<String> references = new LinkedHashSet<>();
        for (TypedObject object : objects) {
            for (Field field : fields.of(object.manifest())) {
                if (field.name().equals("image")) {
                    references.add(field.value());
                }
                references.addAll(field.embedded());
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        environment.spec().images().forEach((key, reference) -> {
            if (references.contains(reference)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** The pins of one environment's stage, for its objects as rendered (file name to object). */
    static StagePins of(ResolvedEnvironment environment, Release release, Collection<TypedObject> objects, Fields pinnable) {
        Map<String, List<ImageField>> covered = new TreeMap<>();
        // by the object's key, unique in a stage (it names the object's file): hashing the object would hash its manifest
        Map<ObjectKey, ArrayNode> operations = new LinkedHashMap<>();
        Map<String, String> keyByReference = keysByReference(environment, release);
        Map<String, List<String>> modelsByUri = modelsByUri(environment, release);
        // hashed from every artifact of the release: once, not once per pipeline's inputs
        String releaseId = release.id();
        for (TypedObject object : objects) {
            runInputs(release, releaseId, object, operations);
            Map<String, String> fetched = new HashMap<>();
            List<String> versionLabels = new ArrayList<>();
            for (Field field : pinnable.of(object.manifest())) {
                String pointer = field.pointer();
                String value = field.value();
                if (field.name().equals("image")) {
                    Optional<String> key = Optional.ofNullable(keyByReference.get(value));
                    String wanted = key.map(release.images()::get).orElse(value);
                    if (COVERED.matcher(pointer.substring(0, pointer.lastIndexOf('/'))).matches()) {
                        covered.computeIfAbsent(ImageReference.parse(value).name(), name -> new ArrayList<>())
                                .add(new ImageField(object, pointer, key, wanted));
                    } else if (key.isPresent()) {
                        add(operations, object, pointer, wanted);
                    }
                } else if (field.name().equals("storageUri")) {
                    modelName(modelsByUri, object, value)
                            .ifPresent(model -> add(operations, object, pointer, release.models().get(model)));
                } else if (field.name().equals(Spec.Registered.URI_ENV)) {
                    modelName(modelsByUri, object, value).ifPresent(model -> {
                        // the env var is addressed by position: the patch first tests that it is still the one
                        test(operations, object, pointer.substring(0, pointer.lastIndexOf('/')) + "/name", Spec.Registered.URI_ENV);
                        add(operations, object, pointer, release.models().get(model));
                        fetched.put(model, release.models().get(model));
                    });
                } else if (field.name().equals(Spec.Registered.LABEL)) {
                    versionLabels.add(pointer);
                } else if (field.name().equals(MANIFEST)) {
                    String pinned = withImages(value, field.embedded(), keyByReference, release);
                    if (!pinned.equals(value)) {
                        add(operations, object, pointer, pinned);
                    }
                }
            }
            // the pod label shows the version the pinned reference names; one registered model per pod
            if (fetched.size() == 1) {
                String reference = fetched.values().iterator().next();
                versionLabels.forEach(pointer -> add(operations, object, pointer, Spec.Registered.label(reference)));
            }
        }
        ArrayNode images = JsonNodeFactory.instance.arrayNode();
        covered.forEach((name, fields) -> {
            Set<String> wanted = new LinkedHashSet<>();
            fields.forEach(field -> wanted.add(field.wanted()));
            boolean pinsAny = fields.stream().anyMatch(field -> field.key().isPresent());
            if (wanted.size() == 1 && pinsAny) {
                images.add(ImageReference.parse(wanted.iterator().next()).kustomizeEntry(name));
            } else if (pinsAny) {
                // one name, several references: kustomize's images: cannot say it, a patch per field can
                fields.stream().filter(field -> field.key().isPresent())
                        .forEach(field -> add(operations, field.object(), field.pointer(), field.wanted()));
            }
        });
        List<ObjectNode> patches = new ArrayList<>();
        operations.forEach((key, ops) -> patches.add(OverlayBuilder.jsonPatch(key, ops)));
        return new StagePins(images, patches);
    }

    /**
     * A pipeline's inputs ConfigMap (the one holding {@value RunInputs#RELEASE}): the release id and
     * every dataset field of the release it holds, pinned by key, always, so a promotion finds them.
     */
    private static void runInputs(Release release, String releaseId, TypedObject object, Map<ObjectKey, ArrayNode> operations) {
        JsonNode data = object.manifest().path("data");
        if (!object.key().kind().equals("ConfigMap") || !data.has(RunInputs.RELEASE)) {
            return;
        }
        add(operations, object, "/data/" + RunInputs.RELEASE, releaseId);
        for (String key : data.propertyNames()) {
            RunInputs.artifactOfKey(key, release.datasets().keySet())
                    .ifPresent(artifact -> add(operations, object, "/data/" + key, release.datasets().get(artifact)));
        }
    }

    /**
     * A resource step's manifest with each image reference the release pins by key replaced by the
     * release's, as a whole token (a reference that is a prefix of another is not touched).
     */
    private static String withImages(String manifest, List<String> images, Map<String, String> keyByReference, Release release) {
        String pinned = manifest;
        for (String reference : images) {
            String wanted = Optional.ofNullable(keyByReference.get(reference)).map(release.images()::get).orElse(reference);
            if (!wanted.equals(reference)) {
                pinned = Pattern.compile("(?<=[\\s\"'])" + Pattern.quote(reference) + "(?=[\"'\\s]|$)", Pattern.MULTILINE)
                        .matcher(pinned).replaceAll(Matcher.quoteReplacement(wanted));
            }
        }
        return pinned;
    }

    private record ImageField(TypedObject object, String pointer, Optional<String> key, String wanted) {
    }

    /**
     * For each image reference of this environment's spec, the first key (in the release's order)
     * of the release that names it; looked up once per stage, not per field.
     */
    private static Map<String, String> keysByReference(ResolvedEnvironment environment, Release release) {
        Map<String, String> keys = new HashMap<>();
        for (String key : release.images().keySet()) {
            String reference = environment.spec().images().get(key);
            if (reference != null) {
                keys.putIfAbsent(reference, key);
            }
        }
        return keys;
    }

    /** The release's served models by their location in this environment's spec, in the release's order. */
    private static Map<String, List<String>> modelsByUri(ResolvedEnvironment environment, Release release) {
        Map<String, String> served = servedModels(environment.spec());
        Map<String, List<String>> models = new HashMap<>();
        for (String model : release.models().keySet()) {
            String uri = served.get(model);
            if (uri != null) {
                models.computeIfAbsent(uri, key -> new ArrayList<>()).add(model);
            }
        }
        return models;
    }

    /** The served model whose location is {@code uri}; the object named for it wins when several share the location. */
    private static Optional<String> modelName(Map<String, List<String>> modelsByUri, TypedObject object, String uri) {
        List<String> candidates = modelsByUri.getOrDefault(uri, List.of());
        return candidates.stream().filter(model -> object.key().name().endsWith("-" + model)).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    private static void test(Map<ObjectKey, ArrayNode> operations, TypedObject object, String pointer, String value) {
        ObjectNode operation = operations.computeIfAbsent(object.key(), o -> JsonNodeFactory.instance.arrayNode()).addObject();
        operation.put("op", "test");
        operation.put("path", pointer);
        operation.put("value", value);
    }

    private static void add(Map<ObjectKey, ArrayNode> operations, TypedObject object, String pointer, String value) {
        ObjectNode operation = operations.computeIfAbsent(object.key(), o -> JsonNodeFactory.instance.arrayNode()).addObject();
        operation.put("op", "replace");
        operation.put("path", pointer);
        operation.put("value", value);
    }

    /**
     * A text field a release pins ({@code image} or {@code storageUri}, or an Argo resource step's
     * {@value #MANIFEST}): its JSON pointer (RFC 6901), name and value, and for a manifest the image
     * references written inside it.
     */
    private record Field(String pointer, String name, String value, List<String> embedded) {

        Field(String pointer, String name, String value) {
            this(pointer, name, value, List.of());
        }
    }

    /**
     * An Argo resource step's {@code manifest}: the object it creates, as YAML text (a scheduled
     * PyTorchJob). Neither kustomize's {@code images:} nor a patch of a field reaches inside it, so
     * the pin replaces the whole text with the release's images written in.
     */
    private static final String MANIFEST = "manifest";

    /** The fields a release pins: images and model locations. */
    private static final Set<String> PINNABLE = Set.of("image", "storageUri");

    /**
     * Every text field of each manifest named {@code image} or {@code storageUri}, the value of an
     * env var {@value Spec.Registered#URI_ENV} (reported as that name) and a label
     * {@value Spec.Registered#LABEL}, with its JSON pointer (RFC 6901), found once per manifest:
     * environments share the manifests of the texts they render alike (the typed step hands on the
     * same objects), and every object of every environment passes here twice.
     */
    static final class Fields {
        private final Map<JsonNode, List<Field>> byManifest = new IdentityHashMap<>();

        private List<Field> of(JsonNode manifest) {
            List<Field> known = byManifest.get(manifest);
            if (known == null) {
                List<Field> found = new ArrayList<>();
                collect(manifest, new ArrayDeque<>(), found);
                known = found.isEmpty() ? List.of() : found;
                byManifest.put(manifest, known);
            }
            return known;
        }

        private static void collect(JsonNode node, Deque<String> path, List<Field> found) {
            if (node instanceof ObjectNode object) {
                for (Map.Entry<String, JsonNode> entry : object.properties()) {
                    if (entry.getValue().isString()) {
                        String field = PINNABLE.contains(entry.getKey()) || entry.getKey().equals(Spec.Registered.LABEL)
                                ? entry.getKey()
                                : entry.getKey().equals("value") && Spec.Registered.URI_ENV.equals(object.path("name").asString(""))
                                ? Spec.Registered.URI_ENV : null;
                        if (field != null) {
                            path.addLast(entry.getKey());
                            found.add(new Field(pointer(path), field, entry.getValue().asString()));
                            path.removeLast();
                        } else if (entry.getKey().equals(MANIFEST) && object.has("action")) {
                            List<String> images = embeddedImages(entry.getValue().asString());
                            if (!images.isEmpty()) {
                                path.addLast(entry.getKey());
                                found.add(new Field(pointer(path), MANIFEST, entry.getValue().asString(), images));
                                path.removeLast();
                            }
                        }
                    } else if (entry.getValue().isContainer()) {
                        path.addLast(entry.getKey());
                        collect(entry.getValue(), path, found);
                        path.removeLast();
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    path.addLast(Integer.toString(i));
                    collect(array.get(i), path, found);
                    path.removeLast();
                }
            }
        }

        /** The image references of a resource step's manifest; none when it is not YAML (Argo would refuse it anyway). */
        private static List<String> embeddedImages(String manifest) {
            JsonNode created;
            try {
                created = KubeYaml.mapper().readTree(manifest);
            } catch (RuntimeException notYaml) {
                return List.of();
            }
            List<String> images = new ArrayList<>();
            for (JsonNode image : created.findValues("image")) {
                if (image.isString() && !images.contains(image.asString())) {
                    images.add(image.asString());
                }
            }
            return images;
        }

        private static String pointer(Deque<String> path) {
            StringBuilder pointer = new StringBuilder();
            for (String segment : path) {
                pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            }
            return pointer.toString();
        }
    }
}
