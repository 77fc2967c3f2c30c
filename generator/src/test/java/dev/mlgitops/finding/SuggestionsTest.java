package dev.mlgitops.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    @ParameterizedTest
    @CsvSource({
            "kservee, kserve, kserve deployment",
            "storageURI, storageUri, runtime storageUri protocolVersion",
            "selfheal, selfHeal, prune selfHeal allowEmpty",
            "schedule, schedules, schedules timezone workflowSpec",
            "argo, argo-workflows, argo-workflows kubernetes-job pytorchjob",
            "automatic, auto, auto manual"})
    void suggestsTheCloseName(String given, String meant, String known) {
        assertThat(Suggestions.closest(given, List.of(known.split(" ")))).contains(meant);
    }

    @ParameterizedTest
    @CsvSource({"replicas", "other", "xy"})
    void suggestsNothingForADifferentWord(String given) {
        assertThat(Suggestions.closest(given, List.of("resources", "extra", "name", "kserve"))).isEmpty();
    }
}
