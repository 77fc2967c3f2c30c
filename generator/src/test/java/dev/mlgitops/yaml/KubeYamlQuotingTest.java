package dev.mlgitops.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.node.ObjectNode;

class KubeYamlQuotingTest {

    @ParameterizedTest
    @ValueSource(strings = {"5000", "0.5", ".5", "1e3", "+1", "0o17", "010", "0x1F", "1_000", "1:20", ".inf",
            ".NaN", "true", "yes", "on", "y", "N", "null", "~", "", "2024-10-07", "2001-12-14t21:59:43.10-05:00",
            "<<", "=", "3"})
    void writesAStringThatLooksLikeAnotherScalarQuoted(String value) {
        ObjectNode object = KubeYaml.newObject().put("value", value);

        String text = KubeYaml.write(object);

        assertThat(text).isEqualTo("value: \"" + value + "\"\n");
        assertThat(KubeYaml.mapper().readTree(text).get("value").isString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "'x", "[x", "]", "{", "}", "@x", "`x", "%x", ",", "|", ">", "!x", "&x", "*x", "#x",
            "-", "- x", "?", "? x", ":", ": x", "a\u0085b", "\u0085", "a\u2028b", "\u2029"})
    void quotesAStringThatAPlainScalarWouldChangeSoItReadsBack(String value) {
        String text = KubeYaml.write(KubeYaml.newObject().put("value", value));

        assertThat(text).startsWith("value: \"");
        assertThat(KubeYaml.mapper().readTree(text).get("value").asString()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500m", "1Gi", "registry.example.com/risk/fraud-scorer:1.4.2", "fraud-dev", "v1", "--mode",
            "x'", "-x"})
    void leavesOrdinaryStringsPlain(String value) {
        assertThat(KubeYaml.write(KubeYaml.newObject().put("value", value))).isEqualTo("value: " + value + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n\u0085", "a\nb\u2028", "a\r\nb", "\n\u2029x", "line\n\ufeff", "a\n\u0007"})
    void quotesAMultiLineStringALiteralBlockWouldNotCarryBack(String value) {
        ObjectNode nested = KubeYaml.newObject();
        nested.putObject("spec").putObject("source").put("targetRevision", value).put("path", "p");

        String text = KubeYaml.write(nested);

        assertThat(text).doesNotContain("|");
        assertThat(KubeYaml.mapper().readTree(text).at("/spec/source/targetRevision").asString()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "a\nb", "  a\nb", "\na", "a\n\n"})
    void writesOtherMultiLineStringsAsLiteralBlocks(String value) {
        String text = KubeYaml.write(KubeYaml.newObject().put("value", value));

        assertThat(text).startsWith("value: |");
        assertThat(KubeYaml.mapper().readTree(text).get("value").asString()).isEqualTo(value);
    }
}
