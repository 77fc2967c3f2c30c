package dev.mlgitops.release;

import tools.jackson.databind.node.ObjectNode;

import dev.mlgitops.yaml.KubeYaml;

/**
 * An image reference split as kustomize's images transformer reads it: the name (registry and
 * repository), then an optional {@code :tag}, then an optional {@code @digest}.
 *
 * @param tag empty when the reference has none
 * @param digest {@code sha256:...}, empty when the reference has none
 */
public record ImageReference(String name, String tag, String digest) {

    public static ImageReference parse(String reference) {
        String rest = reference;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        // a colon before the last '/' belongs to the registry's port, not to a tag
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    /**
     * The entry of a kustomization's {@code images:} that turns every image named {@code current}
     * into this reference. Kustomize v5 (checked with {@code kubectl kustomize}) sets
     * {@code name:tag} for {@code newTag}, {@code name@digest} for {@code digest}, and keeps both
     * when {@code newTag} is {@code tag@digest}; it changes only images in a list under
     * {@code containers} or {@code initContainers}.
     */
    public ObjectNode kustomizeEntry(String current) {
        ObjectNode entry = KubeYaml.newObject();
        entry.put("name", current);
        if (!name.equals(current)) {
            entry.put("newName", name);
        }
        if (!tag.isEmpty()) {
            entry.put("newTag", digest.isEmpty() ? tag : tag + "@" + digest);
        } else if (!digest.isEmpty()) {
            entry.put("digest", digest);
        }
        return entry;
    }

    /** The reference an {@code images:} entry sets, read back from the entry. */
    public static ImageReference ofKustomizeEntry(ObjectNode entry) {
        String name = entry.path("newName").asString(entry.path("name").asString(""));
        String newTag = entry.path("newTag").asString("");
        int at = newTag.indexOf('@');
        if (at >= 0) {
            return new ImageReference(name, newTag.substring(0, at), newTag.substring(at + 1));
        }
        return new ImageReference(name, newTag, entry.path("digest").asString(""));
    }

    @Override
    public String toString() {
        return name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }
}
