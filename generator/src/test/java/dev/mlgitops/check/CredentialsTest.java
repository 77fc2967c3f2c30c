package dev.mlgitops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void findsUserInformationInAUrlAndShowsOnlySchemeAndHost() {
        assertThat(Credentials.urlWithCredentials("https://deploy:hunter2@git.example.com/ml.git"))
                .contains("https://***@git.example.com");
        assertThat(Credentials.urlWithCredentials("http://ghp_TOKEN@git.example.com:8080/x")).contains("http://***@git.example.com");
        assertThat(Credentials.urlWithCredentials("--db=postgres://app:s3cr3t@db:5432/app")).contains("postgres://***@db");
    }

    @Test
    void letsAUserNameWithoutPasswordPassWhereItIsNoSecret() {
        assertThat(Credentials.urlWithCredentials("ssh://git@git.example.com/repo.git")).isEmpty();
        assertThat(Credentials.urlWithCredentials("postgres://app@db/app")).isEmpty();
        assertThat(Credentials.urlWithCredentials("git@git.example.com:team/repo.git")).isEmpty();
        assertThat(Credentials.urlWithCredentials("https://git.example.com/a@b")).isEmpty();
        assertThat(Credentials.urlWithCredentials("mailto:someone@example.com")).isEmpty();
    }

    @Test
    void findsKeyValuePairsWhoseKeyEndsInASecretWord() {
        assertThat(Credentials.inValue("mode=fast password=hunter2")).contains("a secret key=value pair");
        assertThat(Credentials.inValue("-Djavax.net.ssl.trustStorePassword=changeit")).contains("a secret key=value pair");
        assertThat(Credentials.inValue("MLFLOW_TRACKING_TOKEN: abc")).contains("a secret key=value pair");
        assertThat(Credentials.inValue("--api-key=abc")).contains("a secret key=value pair");
    }

    @Test
    void passesValuesTakenFromVariablesAndWordsThatOnlyContainASecretWord() {
        assertThat(Credentials.inValue("--password=$(DB_PASSWORD)")).isEmpty();
        assertThat(Credentials.inValue("token=${TOKEN}")).isEmpty();
        assertThat(Credentials.inValue("--tokenizer=bert --max-tokens=512")).isEmpty();
        assertThat(Credentials.inValue("--password-file=/run/secrets/db")).isEmpty();
        assertThat(Credentials.inValue("info")).isEmpty();
    }

    @Test
    void findsTheArgumentAfterASecretFlag() {
        assertThat(Credentials.inArguments(List.of("--port", "8080", "--api-key", "abc123", "--token", "$(TOKEN)")))
                .containsExactly(3);
        assertThat(Credentials.inArguments(List.of("--db-password=x", "--tokenizer", "bert"))).containsExactly(0);
        assertThat(Credentials.inArguments(List.of("--password", "--verbose"))).isEmpty();
    }

    @Test
    void scansAHundredThousandCharactersInLinearTime() {
        String value = "a".repeat(50_000) + "://" + "b".repeat(50_000);
        long start = System.nanoTime();

        assertThat(Credentials.inValue(value)).isEmpty();
        assertThat(Credentials.inArguments(List.of(value, "-" + "x".repeat(100_000)))).isEmpty();

        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }
}
