package dev.mlgitops.render;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.model.Spec;

/** The workload identity annotation each cloud reads from a ServiceAccount. */
enum CloudIdentity {
    AWS("aws", "eks.amazonaws.com/role-arn"),
    GCP("gcp", "iam.gke.io/gcp-service-account"),
    AZURE("azure", "azure.workload.identity/client-id");

    private final String provider;
    private final String annotation;

    CloudIdentity(String provider, String annotation) {
        this.provider = provider;
        this.annotation = annotation;
    }

    static Optional<CloudIdentity> of(Spec spec) {
        if (spec.tenancy() == null || spec.tenancy().cloudIdentity() == null) {
            return Optional.empty();
        }
        String wanted = spec.tenancy().cloudIdentity().provider();
        return Arrays.stream(values()).filter(c -> c.provider.equals(wanted)).findFirst();
    }

    boolean matches(Spec spec) {
        return of(spec).filter(this::equals).isPresent();
    }

    /** The annotations of a ServiceAccount that acts as the spec's cloud role; empty without one. */
    static Map<String, String> annotations(Spec spec) {
        return of(spec).map(c -> Map.of(c.annotation, spec.tenancy().cloudIdentity().role())).orElse(Map.of());
    }
}
