package dev.mlgitops.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.Stage;
import dev.mlgitops.render.Engines;
import dev.mlgitops.render.RuntimeContract;

/**
 * The function step still reads its runtime facts from {@link Contracts}; until it reads the
 * engines' {@link RuntimeContract} declarations instead, the two must name the same injected
 * containers, so neither drifts from the other.
 */
class ContractsTest {

    @Test
    void theInjectedContainersTheChecksAddAreTheOnesTheEnginesDeclare() {
        assertThat(injected("argo-workflows")).containsExactlyElementsOf(
                Contracts.ARGO_EXECUTOR.stream().map(c -> c.name() + (c.init() ? " (init)" : "")).toList());
        assertThat(injected("pytorchjob")).containsExactly(
                Contracts.PYTORCH_INIT.name() + (Contracts.PYTORCH_INIT.init() ? " (init)" : ""));
    }

    private static List<String> injected(String engine) {
        return Engines.named(Stage.TRAINING, engine).orElseThrow().contract().injected().stream()
                .map(c -> c.container() + (c.init() ? " (init)" : "")).toList();
    }
}
