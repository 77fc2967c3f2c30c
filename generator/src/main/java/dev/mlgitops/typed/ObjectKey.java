package dev.mlgitops.typed;

import java.util.Locale;

/** What identifies a Kubernetes object inside one namespace: group/version, kind and name. */
public record ObjectKey(String apiVersion, String kind, String name, boolean namespaced) {

    /** The API group, empty for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** {@code group/Kind} ({@code apps/Deployment}), the kind alone for the core group: how the engines' contracts name kinds. */
    public String groupKind() {
        String group = group();
        return group.isEmpty() ? kind : group + "/" + kind;
    }

    public String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    /** The file that holds this object: {@code <kind>-<name>.yaml}, kind in lower case. */
    public String fileName() {
        return kind.toLowerCase(Locale.ROOT) + "-" + name + ".yaml";
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
