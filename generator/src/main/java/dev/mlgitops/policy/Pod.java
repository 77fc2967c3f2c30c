package dev.mlgitops.policy;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One pod template found inside an object, wherever its kind keeps it.
 *
 * @param spec        the node holding the pod's fields (volumes, hostNetwork, ...)
 * @param security    the pod-level securityContext in effect (the node's, or one it inherits, as
 *                    Argo Workflows templates do from the workflow); an empty node when none
 * @param containers  every container of the pod, init containers included
 * @param longRunning whether the pod runs until stopped (Deployment, StatefulSet, ...), not to completion
 */
record Pod(ObjectNode spec, JsonNode security, List<Container> containers, boolean longRunning) {

    /** One container, and its own securityContext (an empty node when none). */
    record Container(String name, ObjectNode node) {

        JsonNode security() {
            return node.path("securityContext");
        }

        /** A container setting, else the pod's. */
        JsonNode effective(Pod pod, String field) {
            JsonNode own = security().path(field);
            return own.isMissingNode() || own.isNull() ? pod.security().path(field) : own;
        }
    }
}
