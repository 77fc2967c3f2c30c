package dev.mlgitops.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ShownTest {

    @Test
    void cutsAHundredThousandCharactersToSixtyFourAndTheLength() {
        String shown = Shown.value("x".repeat(100_000));

        assertThat(shown).isEqualTo("x".repeat(64) + "... (100000 characters)");
    }

    @Test
    void showsAValueOfThreeHundredCharactersWhole() {
        assertThat(Shown.value("y".repeat(300))).isEqualTo("y".repeat(300));
        assertThat(Shown.value("y".repeat(301))).isEqualTo("y".repeat(64) + "... (301 characters)");
    }

    @Test
    void escapesControlLineBreakAndBidirectionalCharacters() {
        assertThat(Shown.value("a\nb\u0000c\u2028d\u202Ee\u2066f\u200Fg"))
                .isEqualTo("a\\u000Ab\\u0000c\\u2028d\\u202Ee\\u2066f\\u200Fg");
        assertThat(Shown.value("日本😀 plain")).isEqualTo("日本😀 plain");
    }

    @Test
    void cutsByCodePointsNeverSplittingASurrogatePair() {
        String shown = Shown.value("😀".repeat(400));

        assertThat(shown).isEqualTo("😀".repeat(64) + "... (400 characters)");
    }

    @Test
    void listsThirtyItemsAndCountsTheRest() {
        List<String> items = IntStream.range(0, 35).mapToObj(i -> "m" + i).toList();

        String shown = Shown.list(items).toString();

        assertThat(shown).startsWith("m0, m1, ").endsWith(", m29, ... (5 more)");
    }

    @Test
    void everyMessageShowsItsStringArgumentsCutAndEscaped() {
        String message = Code.CHECK_REF_NAME.message("a\n" + "b".repeat(400), "a reason");

        assertThat(message).isEqualTo("'a\\u000A" + "b".repeat(62) + "... (402 characters)' is not a valid Git branch"
                + " or tag name: a reason");
    }

    @Test
    void aFindingLineEscapesItsFileNameAndPath() {
        Finding finding = Finding.of(Code.YAML_EMPTY, "spec.x\ny", new Position("a\rb.yaml", 1, 2), "m\u2029n");

        assertThat(finding.format("mlproject.yaml")).isEqualTo("a\\u000Db.yaml:1:2: error [MLG-YAML-EMPTY] spec.x\\u000Ay: m\\u2029n");
    }
}
