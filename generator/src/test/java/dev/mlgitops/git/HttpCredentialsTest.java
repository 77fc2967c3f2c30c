package dev.mlgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class HttpCredentialsTest {

    private static final HttpCredentials.Variables DEFAULTS = HttpCredentials.Variables.defaults();

    @Test
    void aTokenInTheEnvironmentWinsOverUserAndPassword() {
        assertThat(HttpCredentials.fromEnvironment(Map.of("MLGITOPS_GIT_TOKEN", "t0ken",
                "MLGITOPS_GIT_PASSWORD", "pw"), DEFAULTS))
                .contains(new HttpCredentials("x-access-token", "t0ken"));
    }

    @Test
    void userAndPasswordAreUsedOnlyTogether() {
        assertThat(HttpCredentials.fromEnvironment(Map.of("MLGITOPS_GIT_USERNAME", "bob",
                "MLGITOPS_GIT_PASSWORD", "pw"), DEFAULTS)).contains(new HttpCredentials("bob", "pw"));
        assertThat(HttpCredentials.fromEnvironment(Map.of("MLGITOPS_GIT_USERNAME", "bob"), DEFAULTS)).isEmpty();
        assertThat(HttpCredentials.fromEnvironment(Map.of("MLGITOPS_GIT_TOKEN", " "), DEFAULTS)).isEmpty();
    }

    @Test
    void variableNamesCanBeChosen() {
        HttpCredentials.Variables ci = new HttpCredentials.Variables("CI_TOKEN", "CI_USER", "CI_PASSWORD");

        assertThat(HttpCredentials.fromEnvironment(Map.of("CI_TOKEN", "t0ken", "CI_USER", "gitlab-ci-token"), ci))
                .contains(new HttpCredentials("gitlab-ci-token", "t0ken"));
        assertThat(HttpCredentials.fromEnvironment(Map.of("MLGITOPS_GIT_TOKEN", "t0ken"), ci)).isEmpty();
    }

    @Test
    void printingCredentialsNeverShowsThePassword() {
        assertThat(HttpCredentials.token("SECRET-MARKER-7f3a")).hasToString("HttpCredentials[username=x-access-token, password=****]");
    }
}
