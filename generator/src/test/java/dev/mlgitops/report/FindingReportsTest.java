package dev.mlgitops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Position;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FindingReportsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FindingReports twoFindings() {
        Findings findings = new Findings();
        findings.add(Code.SCHEMA_ENUM, "spec.serving.scorer.engine", new Position("mlproject.yaml", 42, 7),
                Code.SCHEMA_ENUM.message("kservee", "kserve, deployment", " (did you mean 'kserve'?)"));
        findings.add(Code.YAML_BOM, "", new Position("mlproject.yaml", 1, 1), Code.YAML_BOM.message());
        return FindingReports.of("ml/fraud/mlproject.yaml", findings);
    }

    @Test
    void sarifCarriesEachFindingWithRuleLevelFileLineAndColumn() {
        JsonNode sarif = JSON.readTree(twoFindings().sarif());

        assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.at("/tool/driver/name").asString()).isEqualTo("mlgitops");
        assertThat(run.at("/tool/driver/rules").findValuesAsString("id"))
                .containsExactly("MLG-SCHEMA-ENUM", "MLG-YAML-BOM");
        JsonNode bom = run.at("/results/0");
        assertThat(bom.path("ruleId").asString()).isEqualTo("MLG-YAML-BOM");
        assertThat(bom.path("level").asString()).isEqualTo("warning");
        JsonNode enumResult = run.at("/results/1");
        assertThat(enumResult.path("level").asString()).isEqualTo("error");
        assertThat(enumResult.at("/message/text").asString()).isEqualTo(
                "spec.serving.scorer.engine: 'kservee' is not one of kserve, deployment (did you mean 'kserve'?)");
        assertThat(enumResult.at("/locations/0/physicalLocation/artifactLocation/uri").asString())
                .isEqualTo("ml/fraud/mlproject.yaml");
        assertThat(enumResult.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(42);
        assertThat(enumResult.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(7);
        assertThat(enumResult.at("/locations/0/logicalLocations/0/fullyQualifiedName").asString())
                .isEqualTo("spec.serving.scorer.engine");
    }

    @Test
    void junitXmlFailsOneCasePerErrorAndIsWellFormed() throws Exception {
        String xml = twoFindings().junitXml();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element suite = document.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        Element failure = (Element) document.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("MLG-SCHEMA-ENUM");
        assertThat(failure.getTextContent()).isEqualTo("mlproject.yaml:42:7: error [MLG-SCHEMA-ENUM] "
                + "spec.serving.scorer.engine: 'kservee' is not one of kserve, deployment (did you mean 'kserve'?)");
    }

    @Test
    void junitXmlOfACleanSpecHasOnePassingCase() throws Exception {
        String xml = FindingReports.of("mlproject.yaml", new Findings()).junitXml();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void junitXmlEscapesMarkupAndDropsWhatXmlCannotHold() {
        assertThat(JunitXml.escape("a<b>&\"c'\u0001")).isEqualTo("a&lt;b&gt;&amp;&quot;c&apos;\uFFFD");
    }

    @Test
    void jsonCountsAndListsTheFindings() {
        JsonNode json = JSON.readTree(twoFindings().json());

        assertThat(json.path("errors").asInt()).isEqualTo(1);
        assertThat(json.path("warnings").asInt()).isEqualTo(1);
        assertThat(json.at("/findings/1/code").asString()).isEqualTo("MLG-SCHEMA-ENUM");
        assertThat(json.at("/findings/1/line").asInt()).isEqualTo(42);
        assertThat(json.at("/findings/1/path").asString()).isEqualTo("spec.serving.scorer.engine");
    }

    @Test
    void writesTheThreeReportsIntoTheFolder(@TempDir Path folder) throws Exception {
        twoFindings().writeTo(folder.resolve("mlgitops"));

        assertThat(Files.readString(folder.resolve("mlgitops/findings.sarif"))).isEqualTo(twoFindings().sarif());
        assertThat(Files.readString(folder.resolve("mlgitops/findings-junit.xml"))).isEqualTo(twoFindings().junitXml());
        assertThat(Files.readString(folder.resolve("mlgitops/findings.json"))).isEqualTo(twoFindings().json());
    }
}
