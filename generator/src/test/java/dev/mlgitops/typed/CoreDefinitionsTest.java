package dev.mlgitops.typed;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds {@code schemas/crds/core/definitions.json} to fabric8's model: the structural schemas of
 * the built-in kinds mlgitops emits and of the core types the pruned CRD schemas refer to by
 * name. fabric8's model classes are generated from the Kubernetes OpenAPI, so their JSON
 * properties and Java types are that definition; how fabric8 writes a bound object back (which
 * empty lists and maps it leaves out, which values are quantities) is recorded beside them, so
 * {@link BuiltInKinds} gives the bytes binding gave without fabric8 on the class path. When
 * fabric8 changes, regenerate with
 * {@code mvn -o -q test -Dtest=CoreDefinitionsTest -Dmlgitops.writeCoreDefinitions=true}.
 */
class CoreDefinitionsTest {

    private static final Path COMMITTED = Path.of("..", "schemas", "crds", "core", "definitions.json");

    /** The built-in kinds, each with its fabric8 class: {@link KubeTypes} must list exactly these. */
    static final List<Class<? extends HasMetadata>> KINDS = List.of(
            Namespace.class, ResourceQuota.class, LimitRange.class, ServiceAccount.class,
            Role.class, RoleBinding.class, NetworkPolicy.class,
            Deployment.class, StatefulSet.class, Service.class, HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class, Ingress.class, ConfigMap.class, PersistentVolumeClaim.class,
            Job.class, CronJob.class, Secret.class);

    private static final List<Class<?>> ROOTS = List.of(ObjectMeta.class, PodTemplateSpec.class, PodSpec.class,
            Container.class, Affinity.class, PersistentVolumeClaim.class, LabelSelector.class,
            PodDisruptionBudgetSpec.class, MetricSpec.class, HorizontalPodAutoscalerBehavior.class,
            DeploymentStrategy.class);

    /**
     * Required fields, from the Kubernetes OpenAPI (fabric8 does not carry them). Only those that
     * hold wherever the type is embedded; a CRD that inlines PodSpec or Container with looser rules
     * (KServe's predictor has no containers, its model container no name) adds its own at the use.
     */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("EnvVar", List.of("name")),
            Map.entry("VolumeMount", List.of("mountPath", "name")),
            Map.entry("Volume", List.of("name")),
            Map.entry("ContainerPort", List.of("containerPort")),
            Map.entry("KeyToPath", List.of("key", "path")),
            Map.entry("SecretKeySelector", List.of("key")),
            Map.entry("ConfigMapKeySelector", List.of("key")),
            Map.entry("ObjectFieldSelector", List.of("fieldPath")),
            Map.entry("ResourceFieldSelector", List.of("resource")),
            Map.entry("HTTPGetAction", List.of("port")),
            Map.entry("TCPSocketAction", List.of("port")),
            Map.entry("GRPCAction", List.of("port")),
            Map.entry("HTTPHeader", List.of("name", "value")),
            Map.entry("LabelSelectorRequirement", List.of("key", "operator")),
            Map.entry("NodeSelectorRequirement", List.of("key", "operator")),
            Map.entry("NodeSelector", List.of("nodeSelectorTerms")),
            Map.entry("PodAffinityTerm", List.of("topologyKey")),
            Map.entry("WeightedPodAffinityTerm", List.of("podAffinityTerm", "weight")),
            Map.entry("PreferredSchedulingTerm", List.of("preference", "weight")),
            Map.entry("TopologySpreadConstraint", List.of("maxSkew", "topologyKey", "whenUnsatisfiable")),
            Map.entry("PersistentVolumeClaimVolumeSource", List.of("claimName")),
            Map.entry("EphemeralContainer", List.of("name")),
            Map.entry("OwnerReference", List.of("apiVersion", "kind", "name", "uid")));

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, Class<?>> named = new TreeMap<>();
    private final Deque<Class<?>> pending = new ArrayDeque<>();

    @Test
    void theCommittedDefinitionsAreFabric8sModel() throws Exception {
        String generated = generate();
        if (Boolean.getBoolean("mlgitops.writeCoreDefinitions")) {
            Files.writeString(COMMITTED, generated);
        }
        assertThat(Files.readString(COMMITTED)).as("%s is not what fabric8's model gives: regenerate it with "
                + "-Dmlgitops.writeCoreDefinitions=true", COMMITTED).isEqualTo(generated);
    }

    @Test
    void kubeTypesListsEveryBuiltInKindWithItsScope() {
        KubeTypes types = new KubeTypes();
        for (Class<? extends HasMetadata> type : KINDS) {
            assertThat(types.lookup(HasMetadata.getApiVersion(type), HasMetadata.getKind(type)))
                    .as(type.getName()).hasValueSatisfying(kind -> {
                        assertThat(kind.definition()).isEqualTo(type.getSimpleName());
                        assertThat(kind.namespaced()).isEqualTo(Namespaced.class.isAssignableFrom(type));
                    });
        }
        assertThat(types.count()).isEqualTo(KINDS.size());
    }

    private String generate() {
        KINDS.forEach(this::reference);
        ROOTS.forEach(this::reference);
        Map<String, JsonNode> definitions = new TreeMap<>();
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            definitions.put(type.getSimpleName(), object(type));
        }
        ObjectNode file = nodes.objectNode();
        file.put("$comment", "Generated by CoreDefinitionsTest from io.fabric8 kubernetes-model 8.0.0 "
                + "(itself generated from the Kubernetes OpenAPI); do not edit by hand.");
        definitions.forEach(file::set);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(file) + "\n";
    }

    private ObjectNode object(Class<?> type) {
        ObjectNode schema = nodes.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        // a resource's own apiVersion and kind, which binding writes where a template left them out
        Optional<Object> fresh = HasMetadata.class.isAssignableFrom(type) ? Optional.of(newInstance(type)) : Optional.empty();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            JsonInclude classInclusion = c.getAnnotation(JsonInclude.class);
            if (classInclusion == null || classInclusion.value() != JsonInclude.Include.NON_NULL) {
                // BuiltInKinds leaves out nulls everywhere, as NON_NULL does: another rule needs reading
                throw new IllegalStateException(c + " is not written NON_NULL");
            }
            for (Field field : c.getDeclaredFields()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                if (property == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                ObjectNode value = schemaOf(field.getGenericType());
                if (omitsEmpty(c, field)) {
                    value.put(SchemaReader.OMIT_EMPTY, true);
                }
                fresh.flatMap(instance -> defaultOf(field, instance)).ifPresent(initial -> value.set(SchemaReader.DEFAULT, initial));
                if (type == PodSpec.class && property.value().matches("containers|initContainers")) {
                    ((ObjectNode) value.get("items")).putArray("required").add("name"); // a pod's containers are named
                }
                properties.set(property.value(), value);
            }
        }
        List<String> required = REQUIRED.getOrDefault(type.getSimpleName(), List.of());
        if (!required.isEmpty()) {
            required.forEach(schema.putArray("required")::add);
        }
        return schema;
    }

    /**
     * The value a field of a new instance holds, a scalar that binding writes even when the text had
     * none (the apiVersion and kind of a claim template, say); none for the rest.
     */
    private Optional<JsonNode> defaultOf(Field field, Object fresh) {
        try {
            field.setAccessible(true);
            Object initial = field.get(fresh);
            if (initial instanceof String text) {
                return Optional.of(nodes.stringNode(text));
            }
            if (initial instanceof Boolean || initial instanceof Number) {
                throw new IllegalStateException(field + " starts as " + initial + ": BuiltInKinds writes only text defaults");
            }
            return Optional.empty();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no new " + type, e);
        }
    }

    /**
     * Whether fabric8 leaves the field out when it is empty ({@code NON_EMPTY} on its getter), not
     * only when null; only lists and maps are, which is all {@link BuiltInKinds} handles.
     */
    private static boolean omitsEmpty(Class<?> owner, Field field) {
        String name = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        JsonInclude inclusion = field.getAnnotation(JsonInclude.class);
        for (String getter : List.of("get" + name, "is" + name)) {
            try {
                Method method = owner.getDeclaredMethod(getter);
                inclusion = inclusion != null ? inclusion : method.getAnnotation(JsonInclude.class);
            } catch (NoSuchMethodException e) {
                // the other spelling
            }
        }
        if (inclusion == null || inclusion.value() == JsonInclude.Include.NON_NULL) {
            return false;
        }
        boolean container = List.class.isAssignableFrom(field.getType()) || Map.class.isAssignableFrom(field.getType());
        if (inclusion.value() != JsonInclude.Include.NON_EMPTY || !container) {
            throw new IllegalStateException(owner.getName() + "." + field.getName() + " is written " + inclusion.value());
        }
        return true;
    }

    private ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return nodes.objectNode().put("type", "array").set("items", schemaOf(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return nodes.objectNode().put("type", "object").set("additionalProperties", schemaOf(arguments[1]));
            }
            throw new IllegalStateException("unexpected generic type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return nodes.objectNode().put("type", "string");
        }
        if (c == Integer.class || c == int.class) {
            return nodes.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == Long.class || c == long.class) {
            return nodes.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == Double.class || c == Float.class) {
            return nodes.objectNode().put("type", "number");
        }
        if (c == Boolean.class || c == boolean.class) {
            return nodes.objectNode().put("type", "boolean");
        }
        if (c == IntOrString.class) {
            return nodes.objectNode().put("x-kubernetes-int-or-string", true);
        }
        if (c == Quantity.class) {
            return nodes.objectNode().put("x-kubernetes-int-or-string", true).put(SchemaReader.QUANTITY, true);
        }
        if (c.getName().startsWith("io.fabric8.kubernetes.api.model.") && !c.isInterface()
                && c.getSimpleName().matches("(Micro)?Time|Duration")) {
            return nodes.objectNode().put("type", "string");
        }
        if (c.getName().startsWith("io.fabric8.kubernetes.api.model.") && !c.isInterface()) {
            return nodes.objectNode().put(SchemaReader.CORE_REF, reference(c));
        }
        // Object, JsonNode, raw extensions: anything goes, as in the OpenAPI
        return nodes.objectNode().put("x-kubernetes-preserve-unknown-fields", true);
    }

    private String reference(Class<?> type) {
        String name = type.getSimpleName();
        Class<?> known = named.putIfAbsent(name, type);
        if (known == null) {
            pending.push(type);
        } else if (known != type) {
            throw new IllegalStateException("two core types named " + name + ": " + known + ", " + type);
        }
        return name;
    }
}
