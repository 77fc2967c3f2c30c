package dev.mlgitops.git;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.yaml.Header;

/** Output trees made by hand: every file starts with the generator's header, as the writer requires. */
final class Trees {

    static final String ROOT = "projects/fraud";

    private Trees() {
    }

    /** A tree under {@link #ROOT} with the given paths and bodies (the header is put in front). */
    static OutputTree tree(String... pathsAndBodies) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndBodies.length; i += 2) {
            files.put(pathsAndBodies[i], Header.forSource("mlproject.yaml") + pathsAndBodies[i + 1]);
        }
        return new OutputTree(ROOT, new TreeMap<>(files));
    }

    /** The first version of the test project: two environments, two stages. */
    static OutputTree first() {
        return tree(
                "base/serving/kustomization.yaml", "resources:\n- deployment-scorer.yaml\n",
                "base/serving/deployment-scorer.yaml", "kind: Deployment\nreplicas: 1\n",
                "overlays/dev/serving/kustomization.yaml", "namespace: fraud-dev\n",
                "overlays/prod/serving/kustomization.yaml", "namespace: fraud\n",
                "overlays/prod/training/kustomization.yaml", "namespace: fraud\n",
                "argocd/appproject.yaml", "kind: AppProject\n",
                "argocd/prod/apps/serving.yaml", "kind: Application\n");
    }

    /** The second version: prod serving changed, prod training gone, dev training new. */
    static OutputTree second() {
        return tree(
                "base/serving/kustomization.yaml", "resources:\n- deployment-scorer.yaml\n",
                "base/serving/deployment-scorer.yaml", "kind: Deployment\nreplicas: 1\n",
                "overlays/dev/serving/kustomization.yaml", "namespace: fraud-dev\n",
                "overlays/dev/training/kustomization.yaml", "namespace: fraud-dev\n",
                "overlays/prod/serving/kustomization.yaml", "namespace: fraud\nreplicas: 3\n",
                "argocd/appproject.yaml", "kind: AppProject\n",
                "argocd/prod/apps/serving.yaml", "kind: Application\n");
    }
}
