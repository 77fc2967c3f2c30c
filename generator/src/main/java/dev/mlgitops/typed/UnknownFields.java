package dev.mlgitops.typed;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Finds the fields a blueprint wrote that the Kubernetes type does not have. fabric8's classes
 * do not fail on them; they keep them in {@code additionalProperties}, so this walks the bound
 * object graph and reports every non-empty one with its path.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
    private static final String ADDITIONAL = "additionalProperties";
    // field types whose values hold no model object, so the walk never reads them
    private static final Set<Class<?>> LEAVES = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Short.class, Byte.class, Double.class, Float.class, Character.class);

    /** One field the type does not know: its path in the object and the type that lacks it. */
    record Unknown(String path, String type) {}

    /** A field of a model class with its name in the manifest, both read once per class. */
    private record ModelField(Field field, String jsonName) {}

    /**
     * Where the walk is, spelled out only when an unknown field is found: most objects have none,
     * and building every path as text cost more than the walk itself.
     */
    private record Location(Location parent, String key, int index) {

        static final Location ROOT = new Location(null, null, -1);

        Location child(String childKey) {
            return new Location(this, childKey, -1);
        }

        Location item(int itemIndex) {
            return new Location(this, null, itemIndex);
        }

        String path() {
            if (parent == null) {
                return "";
            }
            String path = parent.path();
            if (key == null) {
                return path + "[" + index + "]";
            }
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    // the fields of each model class, found once
    private final Map<Class<?>, List<ModelField>> fieldsByClass = new ConcurrentHashMap<>();

    List<Unknown> find(Object root) {
        List<Unknown> unknown = new ArrayList<>();
        walk(root, Location.ROOT, unknown);
        return unknown;
    }

    private void walk(Object value, Location location, List<Unknown> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, location.item(i++), unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, location.child(String.valueOf(key)), unknown));
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (ModelField modelField : fields(value.getClass())) {
            Field field = modelField.field();
            Object child = read(field, value);
            if (ADDITIONAL.equals(field.getName())) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(new Unknown(location.child(String.valueOf(key)).path(),
                            value.getClass().getSimpleName())));
                }
            } else {
                walk(child, location.child(modelField.jsonName()), unknown);
            }
        }
    }

    private List<ModelField> fields(Class<?> type) {
        return fieldsByClass.computeIfAbsent(type, t -> {
            List<ModelField> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c.getName().startsWith(MODEL_PACKAGE); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
                            && !LEAVES.contains(field.getType())) {
                        field.setAccessible(true);
                        fields.add(new ModelField(field, jsonName(field)));
                    }
                }
            }
            return List.copyOf(fields);
        });
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("reading " + field + " of a fabric8 model", e);
        }
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? field.getName() : property.value();
    }
}
