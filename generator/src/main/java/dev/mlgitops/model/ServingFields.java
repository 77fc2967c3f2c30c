package dev.mlgitops.model;

import java.util.List;
import java.util.Map;

/**
 * The fields of a served model that only its engine reads, one record per serving engine. They
 * sit in the same node of {@code spec.serving.<model>} as the fields every serving engine reads
 * ({@link Spec.ServingModel}), and are bound with them, into the record {@link #OF_ENGINE} names
 * for the item's {@code engine}. The engine's class in {@code render} names the same record, and
 * the schema's {@code if/then} branch of that engine lists the same properties (tests hold both).
 * A new field of one engine is a component of its record here and a property of the schema.
 */
public sealed interface ServingFields {

    /** The record of each serving engine, by the name the spec writes ({@code engine: vllm}). */
    Map<String, Class<? extends ServingFields>> OF_ENGINE = Map.of(
            "kserve", KServe.class,
            "deployment", Deployment.class,
            "vllm", Vllm.class);

    /**
     * What an engine that runs the user's own server container reads, whichever engine it is: the
     * image key, the container's arguments, port and environment (plain and from secrets entries).
     */
    interface Container {

        String image();

        List<String> args();

        /** The spec's port, null for the engine's default. */
        Integer port();

        Map<String, String> env();

        Map<String, Spec.SecretRef> secretEnv();
    }

    /** Engine {@code kserve}: a canary rollout of a new revision (Knative's traffic split); null without one. */
    record KServe(Canary canary) implements ServingFields {

        /** The share of traffic the newest revision gets. */
        public record Canary(int trafficPercent) {}
    }

    /** Engine {@code deployment}: the server's container, and the paths of its probes ({@code health}, nullable). */
    record Deployment(String image, List<String> args, Integer port, Map<String, String> env,
                      Map<String, Spec.SecretRef> secretEnv, Health health) implements ServingFields, Container {
        public Deployment {
            args = Spec.copy(args);
            env = Spec.copy(env);
            secretEnv = Spec.copy(secretEnv);
        }

        /** The HTTP paths of the liveness and readiness probes; either may be null. */
        public record Health(String liveness, String readiness) {}
    }

    /** Engine {@code vllm}: the container running {@code vllm serve}, with more arguments of its own in {@code args}. */
    record Vllm(String image, List<String> args, Integer port, Map<String, String> env,
                Map<String, Spec.SecretRef> secretEnv) implements ServingFields, Container {
        public Vllm {
            args = Spec.copy(args);
            env = Spec.copy(env);
            secretEnv = Spec.copy(secretEnv);
        }
    }
}
