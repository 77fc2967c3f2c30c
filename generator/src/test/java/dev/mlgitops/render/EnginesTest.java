package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.Stage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry is the one list of engines: the schema's engine enums name exactly its engines,
 * every class that is an engine is in it, and every engine's blueprints exist.
 */
class EnginesTest {

    private static final Path SCHEMA = Path.of("..", "schemas", "mlproject-v1alpha1.schema.json");
    private static final Path BLUEPRINTS = Path.of("..", "blueprints");
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "mlgitops", "render");

    /** Where the schema lets the spec choose an engine, by stage. */
    private static final Map<Stage, String> ENGINE_ENUMS = Map.of(
            Stage.FEATURE_STORE, "/$defs/spec/properties/featureStore/properties/engine/enum",
            Stage.MODEL_REGISTRY, "/$defs/spec/properties/modelRegistry/properties/engine/enum",
            Stage.TRAINING, "/$defs/trainingJob/properties/engine/enum",
            Stage.SERVING, "/$defs/servingModel/properties/engine/enum");

    private final JsonNode schema = readSchema();

    @Test
    void theSchemasEngineEnumsNameExactlyTheRegisteredEngines() {
        for (Map.Entry<Stage, String> entry : ENGINE_ENUMS.entrySet()) {
            JsonNode values = schema.at(entry.getValue());
            assertThat(values.isArray()).as(entry.getValue()).isTrue();
            List<String> inSchema = new ArrayList<>();
            values.forEach(value -> inSchema.add(value.asString()));

            assertThat(new TreeSet<>(inSchema)).as("engines of %s", entry.getKey().folder())
                    .isEqualTo(new TreeSet<>(names(entry.getKey())));
        }
    }

    @Test
    void everyEngineBranchOfTheSchemaNamesARegisteredEngine() {
        for (String item : List.of("trainingJob", "servingModel")) {
            Stage stage = item.equals("trainingJob") ? Stage.TRAINING : Stage.SERVING;
            for (JsonNode branch : schema.at("/$defs/" + item + "/allOf")) {
                JsonNode engine = branch.at("/if/properties/engine");
                List<String> named = new ArrayList<>();
                if (engine.has("const")) {
                    named.add(engine.get("const").asString());
                }
                engine.path("enum").forEach(value -> named.add(value.asString()));
                assertThat(names(stage)).as("%s branch %s", item, branch.get("if")).containsAll(named);
            }
        }
    }

    @Test
    void aStageTheSpecCannotChooseAnEngineForHasExactlyOne() {
        for (Stage stage : Stage.values()) {
            if (!ENGINE_ENUMS.containsKey(stage)) {
                assertThat(Engines.of(stage)).as(stage.folder()).hasSize(1);
            }
        }
    }

    @Test
    void everyServingEngineHasItsBranchWithTheFieldsItNeeds() {
        List<String> branched = new ArrayList<>();
        for (JsonNode branch : schema.at("/$defs/servingModel/allOf")) {
            branched.add(branch.at("/if/properties/engine/const").asString(""));
            assertThat(branch.at("/then/required").isArray()).as("branch %s requires fields", branch.get("if")).isTrue();
        }
        assertThat(branched).containsExactlyInAnyOrderElementsOf(names(Stage.SERVING));
    }

    @Test
    void everyClassThatIsAnEngineIsRegistered() throws IOException {
        Pattern implementsEngine = Pattern.compile("\\bfinal class (\\w+) implements (?:Serving)?Engine\\b");
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Matcher matcher = implementsEngine.matcher(Files.readString(file));
                while (matcher.find()) {
                    classes.add(matcher.group(1));
                }
            }
        }
        List<String> registered = Engines.all().stream().map(engine -> engine.getClass().getSimpleName()).toList();

        assertThat(classes).isNotEmpty();
        assertThat(registered).containsAll(classes);
    }

    @Test
    void everyEngineHasItsFolderAndTemplates() {
        for (Engine engine : Engines.all()) {
            for (String template : engine.templates()) {
                assertThat(BLUEPRINTS.resolve(engine.folder()).resolve(template)).as(engine.name()).isRegularFile();
            }
        }
    }

    @Test
    void namesAreUniqueWithinAStageAndEveryStageHasAnEngine() {
        for (Stage stage : Stage.values()) {
            assertThat(names(stage)).as(stage.folder()).isNotEmpty().doesNotHaveDuplicates();
        }
    }

    @Test
    void theDefaultOfAStageNeedsNoOperator() {
        assertThat(Engines.defaultOf(Stage.TRAINING).name()).isEqualTo("kubernetes-job");
        assertThat(Engines.defaultOf(Stage.SERVING).name()).isEqualTo("deployment");
        assertThat(Engines.defaultOf(Stage.MODEL_REGISTRY).name()).isEqualTo("mlflow");
        for (Stage stage : Stage.values()) {
            assertThat(Engines.defaultOf(stage).contract().injected()).as(stage.folder()).isEmpty();
        }
    }

    @Test
    void servingEnginesAreFoundByTheNameTheSpecWrites() {
        assertThat(Engines.serving("vllm")).get().extracting(ServingEngine::folder).isEqualTo("serving/vllm");
        assertThat(Engines.serving("kserve")).get().extracting(engine -> engine.production().budgeted())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).containsExactly("InferenceService");
        assertThat(Engines.serving("seldon")).isEmpty();
    }

    private static List<String> names(Stage stage) {
        return Engines.of(stage).stream().map(Engine::name).toList();
    }

    private static JsonNode readSchema() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
