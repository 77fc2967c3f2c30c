package dev.mlgitops.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lifecycle stages, in Argo CD sync-wave order: tenancy first, then the stores, then the
 * workloads that use them, then serving, then monitoring.
 */
public enum Stage {
    TENANCY("tenancy", 0),
    FEATURE_STORE("feature-store", 1),
    MODEL_REGISTRY("model-registry", 1),
    TRAINING("training", 2),
    NOTEBOOKS("notebooks", 2),
    SERVING("serving", 3),
    MONITORING("monitoring", 4);

    private final String folder;
    private final int syncWave;

    Stage(String folder, int syncWave) {
        this.folder = folder;
        this.syncWave = syncWave;
    }

    /** The name used in folders and Application names, e.g. {@code feature-store}. */
    public String folder() {
        return folder;
    }

    public int syncWave() {
        return syncWave;
    }

    public static Optional<Stage> byFolder(String folder) {
        return Arrays.stream(values()).filter(s -> s.folder.equals(folder)).findFirst();
    }
}
