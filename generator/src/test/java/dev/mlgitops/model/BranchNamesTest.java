package dev.mlgitops.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;

/**
 * The branch rule answers common names without JGit; it must answer every name as JGit does. The
 * expected answers are JGit's own ({@link Repository#isValidRefName}), not this class's.
 */
class BranchNamesTest {

    private static final List<String> NAMES = List.of(
            "main", "master", "release/1.2", "feature/ABC-12_x", "a", "v1.0.0", "team/env/prod", "x.y",
            "", "/main", "main/", "a//b", "a/.b", ".main", "main.", "a./b", "a..b", "a.lock", "a/b.lock", "a.lock/b",
            "a b", "a\tb", "a~1", "a^", "a:b", "a?", "a[b", "a*", "a\\b", "a@{1}", "a@b", "@", "a\u007Fb",
            "con", "CON", "con.txt", "com1", "COM1.log", "lpt9", "nul/x", "aux.b", "prn", "com", "comx", "console",
            "lpt", "git~1", "GIT~1", ".git", "a/.git/b", "déjà", "a\u200Cb", "x/con", "conx.txt");

    @Test
    void answersEveryNameAsJGitDoes() {
        for (String name : NAMES) {
            assertThat(BranchNames.problem(name).isEmpty()).as(name)
                    .isEqualTo(name.equals("HEAD") || Repository.isValidRefName("refs/heads/" + name));
        }
    }

    @Test
    void thePlainAnswerIsNeverYesWhereJGitSaysNo() {
        for (String name : NAMES) {
            if (BranchNames.plainlyValid(name)) {
                assertThat(Repository.isValidRefName("refs/heads/" + name)).as(name).isTrue();
            }
        }
    }

    @Test
    void commonNamesAreAnsweredWithoutJGit() {
        assertThat(List.of("main", "release/1.2", "feature/ABC-12_x", "v1.0.0", "team/env/prod"))
                .allMatch(BranchNames::plainlyValid);
        assertThat(List.of("con", "COM1.log", "a./b", "a..b", "a.lock", "a//b", "/main", "a b", "déjà"))
                .noneMatch(BranchNames::plainlyValid);
    }
}
