package dev.mlgitops.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlgitops.model.Stage;
import dev.mlgitops.write.WriteResult;
import org.junit.jupiter.api.Test;

/** The table a generate run ends with. */
class RunSummaryTest {

    @Test
    void tabulatesObjectsAndFilesByEnvironmentAndStageWithATotal() {
        Map<String, Map<Stage, Integer>> objects = new LinkedHashMap<>();
        objects.put("base", Map.of(Stage.TENANCY, 3, Stage.SERVING, 2));
        objects.put("prod", Map.of(Stage.SERVING, 2, Stage.TENANCY, 4));
        WriteResult result = new WriteResult(
                List.of("base/serving/deployment-scorer.yaml", "overlays/prod/serving/kustomization.yaml",
                        "argocd/prod/apps/serving.yaml", "argocd/prod/root.yaml"),
                List.of("base/tenancy/kustomization.yaml", "argocd/appproject.yaml", "overlays/prod/tenancy/kustomization.yaml"),
                List.of("base/notebooks/statefulset-lab.yaml"));

        RunSummary summary = RunSummary.of(objects, result);

        assertThat(summary.table(Duration.ofMillis(1234))).isEqualTo("""
                environment  stage      objects  written  unchanged  removed
                base         tenancy          3        0          1        0
                base         notebooks        0        0          0        1
                base         serving          2        1          0        0
                prod         tenancy          4        0          1        0
                prod         serving          2        2          0        0
                prod         argocd           1        1          0        0
                (project)    argocd           1        0          1        0
                total                        13        4          3        1
                done in 1.2 s
                """);
    }
}
