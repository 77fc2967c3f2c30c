package dev.mlgitops.render;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.mlgitops.model.ProjectMetadata;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Target;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference mlproject.yaml bound by hand (the resolver is another step): its metadata and its
 * spec without environments, as the base or as one concrete environment.
 */
public final class ReferenceProject {

    /** The reference file of the repository, the contract between users and the generator. */
    public static final Path FILE = Path.of("..", "example-repo", "mlproject.yaml");

    /** The concrete environment the tests render: prod's cluster and namespace, spec unchanged. */
    public static final Target PROD = new Target("prod", 2, "https://prod.k8s.example.com", "fraud", false);

    private ReferenceProject() {
    }

    public static ResolvedEnvironment base() {
        return edited(spec -> spec);
    }

    public static ResolvedEnvironment prod() {
        return new ResolvedEnvironment(metadata(), spec(spec -> spec), Optional.of(PROD));
    }

    /** The base of the reference with its spec tree changed first (e.g. to put in hostile values). */
    public static ResolvedEnvironment edited(UnaryOperator<ObjectNode> edit) {
        return ResolvedEnvironment.base(metadata(), spec(edit));
    }

    /**
     * The base of the reference with the training shapes it leaves out: its nightly job as a
     * one-shot kubernetes-job, its distributed PyTorchJob on a schedule.
     */
    public static ResolvedEnvironment otherTrainingShapes() {
        return edited(spec -> {
            ObjectNode nightly = (ObjectNode) spec.at("/training/nightly");
            nightly.put("engine", "kubernetes-job");
            nightly.remove("schedule");
            ((ObjectNode) spec.at("/training/distributed")).put("schedule", "0 3 * * 0");
            return spec;
        });
    }

    public static ProjectMetadata metadata() {
        return KubeYaml.mapper().treeToValue(tree().get("metadata"), ProjectMetadata.class);
    }

    public static Spec spec(UnaryOperator<ObjectNode> edit) {
        ObjectNode spec = (ObjectNode) tree().get("spec");
        spec.remove("environments");
        return KubeYaml.mapper().treeToValue(edit.apply(spec), Spec.class);
    }

    private static JsonNode tree() {
        return KubeYaml.mapper().readTree(FILE.toFile());
    }
}
