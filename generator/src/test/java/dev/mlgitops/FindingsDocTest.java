package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.mlgitops.finding.Code;

/** The findings page's table of codes (docs/findings.md) and the catalog stay in step. */
class FindingsDocTest {

    private static final Path PAGE = Path.of("../docs/findings.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(MLG-[A-Z0-9-]+)` \\| (error|warning) \\|", Pattern.MULTILINE);

    @Test
    void theFindingsPageListsEveryCodeOnceWithItsSeverity() throws IOException {
        Matcher rows = ROW.matcher(Files.readString(PAGE));
        List<String> listed = new ArrayList<>();
        while (rows.find()) {
            listed.add(rows.group(1) + " " + rows.group(2));
        }

        List<String> catalog = Arrays.stream(Code.values()).map(code -> code.id() + " " + code.severity().label()).toList();

        assertThat(listed).containsExactlyElementsOf(catalog);
    }
}
