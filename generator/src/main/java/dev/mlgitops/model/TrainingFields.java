package dev.mlgitops.model;

import java.util.List;
import java.util.Map;

/**
 * The fields of a training job that only its engine reads, one record per kind of training
 * engine, bound from the same node of {@code spec.training.<job>} as the fields every training
 * engine reads ({@link Spec.TrainingJob}): see {@link ServingFields}, which the same rules hold.
 */
public sealed interface TrainingFields {

    /** The record of each training engine, by the name the spec writes; both pipeline engines run steps. */
    Map<String, Class<? extends TrainingFields>> OF_ENGINE = Map.of(
            "argo-workflows", Steps.class,
            "kubernetes-job", Steps.class,
            "pytorchjob", PyTorchJob.class);

    /** Engines {@code argo-workflows} and {@code kubernetes-job}: the pipeline's steps by name, in file order. */
    record Steps(Map<String, Step> steps) implements TrainingFields {
        public Steps {
            steps = Spec.copy(steps);
        }

        /** The steps of a job whose engine runs steps; none for another engine's. */
        public static Map<String, Step> of(Spec.TrainingJob job) {
            return job.own() instanceof Steps pipeline ? pipeline.steps() : Map.of();
        }

        /** One step: its image key, command, the steps it runs after, its resources and plain env. */
        public record Step(String image, List<String> command, List<String> dependsOn, Spec.Resources resources,
                           Map<String, String> env) {
            public Step {
                command = Spec.copy(command);
                dependsOn = Spec.copy(dependsOn);
                env = Spec.copy(env);
            }
        }
    }

    /**
     * Engine {@code pytorchjob}: the image key and command of master and workers, the number of
     * workers besides the master (null for none) and each replica's resources (nullable).
     */
    record PyTorchJob(String image, List<String> command, Integer workers, Spec.Resources resources)
            implements TrainingFields {
        public PyTorchJob {
            command = Spec.copy(command);
        }
    }
}
