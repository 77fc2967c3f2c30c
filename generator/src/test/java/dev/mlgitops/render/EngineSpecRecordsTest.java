package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ServingFields;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.TrainingFields;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each engine's own spec record: the one its class names is the one bound under its name, its
 * components are exactly the properties its schema branch lists beyond the stage's shared record,
 * and every property of a training job or a served model is either shared or some engine's own.
 */
class EngineSpecRecordsTest {

    private static final Path SCHEMA = Path.of("..", "schemas", "mlproject-v1alpha1.schema.json");
    /** The components of an item's record that are no property of the spec. */
    private static final Set<String> BOUND = Set.of("own", "unread");

    /** An item whose engine the spec chooses: its schema definition, its stage and its stage's record. */
    private record Item(String definition, Stage stage, Class<?> record) {

        /** The properties the stage's record binds. */
        Set<String> shared() {
            Set<String> shared = components(record);
            shared.removeAll(BOUND);
            return shared;
        }
    }

    private static final List<Item> ITEMS = List.of(
            new Item("servingModel", Stage.SERVING, Spec.ServingModel.class),
            new Item("trainingJob", Stage.TRAINING, Spec.TrainingJob.class));

    private final JsonNode schema = readSchema();

    @Test
    void eachEngineNamesTheRecordBoundUnderItsName() {
        Map<Stage, Map<String, ? extends Class<?>>> bound = Map.of(
                Stage.SERVING, ServingFields.OF_ENGINE, Stage.TRAINING, TrainingFields.OF_ENGINE);
        for (Engine engine : Engines.all()) {
            Map<String, ? extends Class<?>> records = bound.get(engine.stage());
            if (records == null) {
                assertThat(engine.specRecord()).as("%s of a stage with one engine", engine.name()).isEmpty();
            } else {
                assertThat(engine.specRecord().<Object>map(type -> type)).as(engine.name())
                        .contains(records.get(engine.name()));
            }
        }
        bound.forEach((stage, records) -> assertThat(new TreeSet<>(records.keySet())).as(stage.folder())
                .isEqualTo(new TreeSet<>(Engines.of(stage).stream().map(Engine::name).toList())));
    }

    @Test
    void eachEnginesRecordHasThePropertiesOfItsSchemaBranchBeyondTheSharedOnes() {
        for (Item item : ITEMS) {
            Set<String> shared = item.shared();
            for (Engine engine : Engines.of(item.stage())) {
                Set<String> branch = new TreeSet<>();
                for (JsonNode then : branches(item.definition(), engine.name())) {
                    then.path("properties").propertyNames().forEach(branch::add);
                }
                branch.removeAll(shared);

                assertThat(components(engine.specRecord().orElseThrow())).as("%s's record and its schema branch",
                        engine.name()).isEqualTo(branch);
            }
        }
    }

    @Test
    void everyPropertyOfAnItemIsSharedOrSomeEnginesOwnAndNotBoth() {
        for (Item item : ITEMS) {
            Set<String> shared = item.shared();
            Set<String> all = new TreeSet<>(shared);
            for (Engine engine : Engines.of(item.stage())) {
                Set<String> own = components(engine.specRecord().orElseThrow());
                assertThat(own).as("%s's own fields among the shared ones", engine.name()).doesNotContainAnyElementsOf(shared);
                all.addAll(own);
            }
            Set<String> properties = new TreeSet<>();
            schema.at("/$defs/" + item.definition() + "/properties").propertyNames().forEach(properties::add);

            assertThat(all).as("the fields of %s's records and the properties of %s", item.stage().folder(),
                    item.definition()).isEqualTo(properties);
        }
    }

    @Test
    void bindsAServedModelsOwnFieldsAndKeepsAnotherEnginesAsUnread() {
        Spec.ServingModel model = bind("""
                engine: deployment
                image: scorer
                port: 9000
                canary: {trafficPercent: 10}
                health: {liveness: /healthz}
                replicas: {min: 2, max: 3}
                env: {MODE: fast}
                """, Spec.ServingModel.class);

        assertThat(model.replicas()).isEqualTo(new Spec.Replicas(2, 3));
        assertThat(model.own()).isEqualTo(new ServingFields.Deployment("scorer", List.of(), 9000, Map.of("MODE", "fast"),
                Map.of(), new ServingFields.Deployment.Health("/healthz", null)));
        assertThat(model.unread()).containsExactly("canary");
    }

    @Test
    void bindsATrainingJobsOwnFields() {
        Spec.TrainingJob job = bind("""
                engine: pytorchjob
                image: trainer
                command: [torchrun, train.py]
                workers: 2
                steps: {prepare: {image: trainer, command: [prep]}}
                schedule: "0 3 * * *"
                """, Spec.TrainingJob.class);

        assertThat(job.schedule()).isEqualTo("0 3 * * *");
        assertThat(job.own(TrainingFields.PyTorchJob.class))
                .isEqualTo(new TrainingFields.PyTorchJob("trainer", List.of("torchrun", "train.py"), 2, null));
        assertThat(TrainingFields.Steps.of(job)).isEmpty();
        assertThat(job.unread()).containsExactly("steps");
    }

    /** The schema's {@code then} of every branch whose {@code if} names the engine. */
    private List<JsonNode> branches(String item, String engine) {
        List<JsonNode> thens = new ArrayList<>();
        for (JsonNode branch : schema.at("/$defs/" + item + "/allOf")) {
            JsonNode named = branch.at("/if/properties/engine");
            boolean names = engine.equals(named.path("const").asString(""));
            for (JsonNode value : named.path("enum")) {
                names |= engine.equals(value.asString());
            }
            if (names) {
                thens.add(branch.get("then"));
            }
        }
        assertThat(thens).as("the schema branches of %s", engine).isNotEmpty();
        return thens;
    }

    private static Set<String> components(Class<?> record) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
        return names;
    }

    private static <T> T bind(String yaml, Class<T> type) {
        return KubeYaml.mapper().treeToValue(KubeYaml.mapper().readTree(yaml), type);
    }

    private static JsonNode readSchema() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
