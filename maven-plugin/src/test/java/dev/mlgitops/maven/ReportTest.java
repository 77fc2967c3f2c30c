package dev.mlgitops.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mlgitops.FailOn;
import dev.mlgitops.MlGitops;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a goal turns a result's findings into Maven's log and build result. */
class ReportTest {

    private final List<String> logged = new ArrayList<>();
    private final ValidateMojo mojo = new ValidateMojo();

    ReportTest() {
        // records "<level> <line>" for every message, whatever the level
        mojo.setLog((Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("is")) {
                        return true;
                    }
                    if (args != null && args.length > 0 && args[0] instanceof CharSequence line) {
                        logged.add(method.getName() + " " + line);
                    }
                    return null;
                }));
    }

    @TempDir
    Path folder;

    @Test
    void logsErrorsAndWarningsInTheOneLineFormatAndFailsWithAOneLineSummary() throws IOException {
        Path spec = spec("\uFEFF" + reference().replace("engine: kserve ", "engine: kservee "));

        assertThatThrownBy(() -> mojo.report(MlGitops.validate(spec).call()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("mlproject.yaml has 1 error; see the lines above")
                .hasNoCause();
        assertThat(logged).containsExactly(
                "warn mlproject.yaml:1:1: warning [MLG-YAML-BOM] the file starts with a byte order mark:"
                        + " save it as UTF-8 without BOM",
                "error mlproject.yaml:144:7: error [MLG-SCHEMA-ENUM] spec.serving.scorer.engine:"
                        + " 'kservee' is not one of kserve, deployment, vllm (did you mean 'kserve'?)");
    }

    @Test
    void countsErrorsInTheSummary() throws IOException {
        Path spec = spec(reference().replace("    engine: feast\n", "    engine: feast\n    image: feast\n")
                .replace("    engine: mlflow\n", "    engine: mlflow\n    image: mlflow\n"));

        assertThatThrownBy(() -> mojo.report(MlGitops.validate(spec).call()))
                .hasMessage("mlproject.yaml has 2 errors; see the lines above");
        assertThat(logged).filteredOn(line -> line.startsWith("error ")).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("error mlproject.yaml:").contains("[MLG-REF-IMAGE]"));
    }

    @Test
    void warningsAloneDoNotFailTheBuildUnlessAsked() throws IOException, MojoFailureException {
        Path spec = spec(Files.readString(ONE_WARNING, StandardCharsets.UTF_8));

        mojo.report(MlGitops.validate(spec).call());

        assertThat(logged).hasSize(2);
        assertThat(logged.get(0)).startsWith("warn mlproject.yaml:18:18: warning [MLG-POLICY-REPLICAS] spec.serving.explainer.replicas.min:");
        assertThat(logged.get(1)).isEqualTo("warn mlproject.yaml has 1 warning");
        logged.clear();
        assertThatThrownBy(() -> mojo.report(MlGitops.validate(spec).setFailOn(FailOn.WARNING).call()))
                .hasMessage("mlproject.yaml has 1 warning and mlgitops.failOn is warning; see the lines above");
    }

    private Path spec(String text) throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, text, StandardCharsets.UTF_8);
        return spec;
    }

    /** A spec made for one warning, MLG-POLICY-REPLICAS, kept with the generator's tests. */
    private static final Path ONE_WARNING = Path.of("../generator/src/test/resources/warnings/one-replica-in-production/mlproject.yaml");

    private static String reference() throws IOException {
        return Files.readString(Path.of("../example-repo/mlproject.yaml"), StandardCharsets.UTF_8);
    }
}
