package dev.mlgitops.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Position;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

/** How a goal turns findings into Maven's log and build result. */
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

    @Test
    void logsErrorsAndWarningsInTheOneLineFormatAndFailsWithAOneLineSummary() {
        Findings findings = new Findings();
        findings.add(Code.YAML_BOM, "", null, Code.YAML_BOM.message());
        findings.add(Code.SCHEMA_ENUM, "spec.serving.scorer.engine", new Position("mlproject.yaml", 117, 7),
                Code.SCHEMA_ENUM.message("kservee", "kserve, deployment", " (did you mean 'kserve'?)"));

        assertThatThrownBy(() -> mojo.report("mlproject.yaml", findings))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("mlproject.yaml has 1 error; see the lines above")
                .hasNoCause();
        assertThat(logged).containsExactly(
                "error mlproject.yaml:117:7: error [MLG-SCHEMA-ENUM] spec.serving.scorer.engine:"
                        + " 'kservee' is not one of kserve, deployment (did you mean 'kserve'?)",
                "warn mlproject.yaml: warning [MLG-YAML-BOM] the file starts with a byte order mark:"
                        + " save it as UTF-8 without BOM");
    }

    @Test
    void countsErrorsInTheSummary() {
        Findings findings = new Findings();
        findings.add(Code.REF_IMAGE, "spec.training.nightly.steps.extract.image", new Position("mlproject.yaml", 80, 18),
                Code.REF_IMAGE.message("trainr", "notebook, scorer, trainer"));
        findings.add(Code.REF_SECRET, "spec.training.nightly.secrets[0]", new Position("mlproject.yaml", 75, 17),
                Code.REF_SECRET.message("object-stor", "feast-redis, mlflow-db, object-store"));

        assertThatThrownBy(() -> mojo.report("mlproject.yaml", findings))
                .hasMessage("mlproject.yaml has 2 errors; see the lines above");
        assertThat(logged).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("error mlproject.yaml:"));
    }

    @Test
    void warningsAloneDoNotFailTheBuild() throws MojoFailureException {
        Findings findings = new Findings();
        findings.add(Code.RENDER_UNSUPPORTED, "spec.monitoring.dashboards", new Position("mlproject.yaml", 151, 5),
                Code.RENDER_UNSUPPORTED.message("spec.monitoring.dashboards"));

        mojo.report("mlproject.yaml", findings);

        assertThat(logged).containsExactly(
                "warn mlproject.yaml:151:5: warning [MLG-RENDER-UNSUPPORTED] spec.monitoring.dashboards:"
                        + " spec.monitoring.dashboards is not rendered by this version of mlgitops yet; its objects are left out",
                "warn mlproject.yaml has 1 warning");
    }

    @Test
    void noFindingsLogNothing() throws MojoFailureException {
        mojo.report("mlproject.yaml", new Findings());

        assertThat(logged).isEmpty();
    }
}
