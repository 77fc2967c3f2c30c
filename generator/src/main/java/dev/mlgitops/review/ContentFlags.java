package dev.mlgitops.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The flags of what an object's change says, as opposed to the guard's flags about the whole change. */
final class ContentFlags {

    /** Where the workloads we emit keep their replica minimum: Deployments, HPAs, PDBs, InferenceServices. */
    private static final List<String> REPLICA_MINIMA = List.of("/spec/replicas", "/spec/minReplicas", "/spec/minAvailable",
            "/spec/predictor/minReplicas");

    /**
     * The kinds that fence a tenant in: what the team may not change without the platform, since
     * they bound what every other object of the project may do.
     */
    private static final Set<String> TENANCY = Set.of("Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy",
            "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "AppProject");
    private static final String APPROVAL = "; a platform reviewer must approve";

    private ContentFlags() {
    }

    /**
     * @param intoExistingTree whether a tree was committed before: a first publish adds every
     *                         object, which is reviewed as a whole
     */
    static void added(String id, ObjectNode object, boolean intoLiveProduction, boolean intoExistingTree, String environment,
            List<Flag> flags) {
        if (intoLiveProduction && isApplication(id) && automated(object)) {
            flags.add(new Flag(Flag.Kind.PROD_SYNC_AUTOMATED, environment, id + " is added with automated sync"));
        }
        if (intoExistingTree && isTenancy(id)) {
            flags.add(new Flag(Flag.Kind.TENANCY_CHANGED, environment, id + " is added" + APPROVAL));
        }
    }

    static void changed(String id, ObjectNode before, ObjectNode after, boolean production, String environment, List<Flag> flags) {
        if (production) {
            for (String path : REPLICA_MINIMA) {
                JsonNode old = before.at(path);
                JsonNode now = after.at(path);
                if (old.isNumber() && (now.isMissingNode() || now.isNumber() && now.asInt() < old.asInt())) {
                    flags.add(new Flag(Flag.Kind.PROD_REPLICAS_LOWERED, environment, id + " " + path.substring(1).replace('/', '.')
                            + " lowered from " + old.asInt() + " to " + (now.isMissingNode() ? "unset" : now.asInt())));
                }
            }
            if (isApplication(id) && !automated(before) && automated(after)) {
                flags.add(new Flag(Flag.Kind.PROD_SYNC_AUTOMATED, environment, id + " switches to automated sync"));
            }
        }
        if (isTenancy(id)) {
            flags.add(new Flag(Flag.Kind.TENANCY_CHANGED, environment, id + (labelsChanged(before, after) ? " labels change" : " changes")
                    + APPROVAL));
        }
        List<String> oldImages = images(before);
        List<String> newImages = images(after);
        if (!oldImages.equals(newImages)) {
            flags.add(new Flag(Flag.Kind.IMAGE_CHANGED, environment, id + " image " + String.join(", ", oldImages) + " -> "
                    + String.join(", ", newImages)));
        }
    }

    static void removed(String id, String environment, List<Flag> flags) {
        switch (TreeObjects.kind(id)) {
            case "PodDisruptionBudget" -> flags.add(new Flag(Flag.Kind.PDB_REMOVED, environment, id + " is removed"));
            case "NetworkPolicy" -> flags.add(new Flag(Flag.Kind.NETWORK_POLICY_REMOVED, environment, id + " is removed"));
            default -> {
                if (isTenancy(id)) {
                    flags.add(new Flag(Flag.Kind.TENANCY_CHANGED, environment, id + " is removed" + APPROVAL));
                }
            }
        }
    }

    private static boolean isTenancy(String id) {
        return TENANCY.contains(TreeObjects.kind(id));
    }

    /** A Namespace's labels carry its Pod Security level. */
    private static boolean labelsChanged(ObjectNode before, ObjectNode after) {
        return !before.at("/metadata/labels").equals(after.at("/metadata/labels"));
    }

    private static boolean isApplication(String id) {
        return TreeObjects.kind(id).equals("Application");
    }

    private static boolean automated(ObjectNode application) {
        return !application.at("/spec/syncPolicy/automated").isMissingNode();
    }

    /** Every string under an "image" key, in document order. */
    private static List<String> images(JsonNode node) {
        List<String> images = new ArrayList<>();
        collectImages(node, images);
        return images;
    }

    private static void collectImages(JsonNode node, List<String> images) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                if (entry.getKey().equals("image") && entry.getValue().isString()) {
                    images.add(entry.getValue().asString());
                } else {
                    collectImages(entry.getValue(), images);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectImages(item, images));
        }
    }
}
