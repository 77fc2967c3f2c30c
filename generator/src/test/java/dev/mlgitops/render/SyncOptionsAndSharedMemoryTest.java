package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** What keeps a synced tree alive: Argo CD's sync options by kind, and shared memory for multi-GPU ranks. */
class SyncOptionsAndSharedMemoryTest {

    private static final String SYNC_OPTIONS = "/metadata/annotations/argocd.argoproj.io~1sync-options";

    @Test
    void theNamespaceOutlivesItsApplicationAndItsVolumesWithIt() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.get("Namespace/fraud").at(SYNC_OPTIONS).asString()).isEqualTo("Prune=false,Delete=false");
    }

    @Test
    void everyCustomResourceSkipsTheDryRunWhenItsOperatorIsMissing() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        for (String object : new String[] {"ExternalSecret/fraud-detection-mlflow-db", "WorkflowTemplate/fraud-detection-nightly",
            "CronWorkflow/fraud-detection-nightly", "PyTorchJob/fraud-detection-distributed",
            "InferenceService/fraud-detection-scorer", "ServiceMonitor/fraud-detection-scorer",
            "PrometheusRule/fraud-detection-alerts"}) {
            assertThat(prod.get(object).at(SYNC_OPTIONS).asString()).as(object).isEqualTo("SkipDryRunOnMissingResource=true");
        }
        assertThat(prod.get("Deployment/fraud-detection-mlflow").at(SYNC_OPTIONS).isMissingNode()).isTrue();
    }

    @Test
    void aOneShotPyTorchJobIsNoHookAndStaysAfterItsRunSoSelfHealNeverRetrains() {
        JsonNode job = Rendering.of(ReferenceProject.prod()).get("PyTorchJob/fraud-detection-distributed");

        assertThat(job.at("/metadata/annotations").toString())
                .isEqualTo("{\"argocd.argoproj.io/sync-options\":\"SkipDryRunOnMissingResource=true\"}");
        assertThat(job.at("/spec/runPolicy").toString()).isEqualTo("{\"cleanPodPolicy\":\"None\",\"backoffLimit\":3}");
    }

    @Test
    void multiGpuRanksGetAMemoryBackedDevShm() {
        JsonNode worker = Rendering.of(ReferenceProject.prod()).get("PyTorchJob/fraud-detection-distributed")
                .at("/spec/pytorchReplicaSpecs/Worker/template/spec");

        assertThat(worker.at("/volumes/1").toString()).isEqualTo("{\"name\":\"dshm\",\"emptyDir\":{\"medium\":\"Memory\"}}");
        assertThat(worker.at("/containers/0/volumeMounts/1").toString()).isEqualTo("{\"name\":\"dshm\",\"mountPath\":\"/dev/shm\"}");
    }
}
