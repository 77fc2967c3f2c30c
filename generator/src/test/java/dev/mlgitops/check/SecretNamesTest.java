package dev.mlgitops.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "password", "dbPassword", "API_KEY", "apiKey", "APIKEY", "GITHUB_TOKEN",
            "client_secret", "AWS_SECRET_ACCESS_KEY", "PRIVATE_KEY", "SLACK_SIGNING_KEY", "GCP_CREDENTIALS", "MYSQL_PWD",
            "SSH_PASSPHRASE", "HF_TOKENS"})
    void takesANameWithASecretWordForASecret(String name) {
        assertThat(SecretNames.looksSecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOKENIZER_PATH", "LOG_LEVEL", "KEYCLOAK_URL", "PUBLIC_KEY", "SECRETARY_NAME", "MONKEY",
            "PASSWORDLESS_LOGIN", "KEY", "MLFLOW_EXPERIMENT_NAME"})
    void leavesANameWhoseWordsAreNotSecretWords(String name) {
        assertThat(SecretNames.looksSecret(name)).isFalse();
    }
}
