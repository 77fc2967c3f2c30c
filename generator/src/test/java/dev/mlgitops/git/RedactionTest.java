package dev.mlgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void stripsUserInformationFromEveryUrlInAText() {
        assertThat(Redaction.stripUserInfo("https://bob:tok3n@git.example.com/x.git and ssh://git@host:22/y.git"))
                .isEqualTo("https://git.example.com/x.git and ssh://host:22/y.git");
        assertThat(Redaction.stripUserInfo("git@github.com:org/repo.git")).isEqualTo("git@github.com:org/repo.git");
    }

    @Test
    void masksTheSecretsInUseAndKeepsCleanCausesAsTheyWere() {
        Redaction redaction = new Redaction(List.of("SECRET-MARKER-7f3a", "abc"));
        IOException clean = new IOException("Connection refused");

        GitOpsException failure = redaction.failure("pushing to https://host/x.git", clean, "");

        assertThat(failure).hasMessage("pushing to https://host/x.git: Connection refused").hasCause(clean);
        assertThat(redaction.apply("token SECRET-MARKER-7f3a, abc")).isEqualTo("token ****, abc");
    }

    @Test
    void replacesACauseChainThatHeldASecretByRedactedCopies() {
        Redaction redaction = new Redaction(List.of("SECRET-MARKER-7f3a"));
        Exception leaking = new Exception("https://u:SECRET-MARKER-7f3a@host/x.git: not authorized",
                new IOException("server said SECRET-MARKER-7f3a"));

        GitOpsException failure = redaction.failure("cloning https://host/x.git", leaking, "check the credentials");

        assertThat(failure).hasMessage("cloning https://host/x.git: not authorized: server said ****; check the credentials");
        assertThat(failure.getCause()).isInstanceOf(Redaction.RedactedCause.class)
                .hasMessage("java.lang.Exception: https://host/x.git: not authorized");
        assertThat(failure.getCause().getCause()).hasMessage("java.io.IOException: server said ****");
        assertThat(failure.getCause().getStackTrace()).isEqualTo(leaking.getStackTrace());
    }
}
