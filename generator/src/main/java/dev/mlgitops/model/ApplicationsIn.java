package dev.mlgitops.model;

/**
 * Where the generated Argo CD Applications live, which decides whom they can speak for. See
 * docs/trust-model.md. The porcelain's {@code dev.mlgitops.ApplicationsIn} names them for the front ends.
 */
public enum ApplicationsIn {

    /**
     * Each environment's Applications in its own namespace, Argo CD's "applications in any
     * namespace": Argo CD lets an Application there use only a project that lists the namespace
     * in {@code sourceNamespaces}, so what a team pushes cannot speak for another project. The
     * AppProject also whitelists Namespaces by name. Needs Argo CD 3.2 or later, with the team
     * namespaces in {@code application.namespaces}. The default.
     */
    TEAM_NAMESPACES,

    /**
     * Every Application in Argo CD's own namespace, where an Application may name any project:
     * whoever can push to the project's folder can create an Application in any project. For
     * Argo CD installations without applications in any namespace.
     */
    ARGOCD_NAMESPACE
}
