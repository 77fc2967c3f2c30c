package dev.mlgitops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({"500m, 0.5", "2, 2", "1Ki, 1024", "1Gi, 1073741824", "1k, 1000", "1.5, 1.5", "1e3, 1000",
            "2E2, 200", "1E, 1000000000000000000", "0, 0"})
    void parsesKubernetesQuantities(String text, String value) {
        assertThat(Quantity.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1 Gi", "1GB", "Gi", "--1"})
    void rejectsWhatIsNoQuantity(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
    }
}
