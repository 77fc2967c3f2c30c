package dev.mlgitops.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronTest {

    @ParameterizedTest
    @ValueSource(strings = {"0 * * * *", "0 2 * * *", "*/15 9-17 * * MON-FRI", "0 0 1,15 * *", "5 4 * JAN,JUL SUN",
            "0 0 * * 7", "@daily", "@hourly", "0-30/10 * ? * *"})
    void acceptsWhatKubernetesAccepts(String expression) {
        assertThat(Cron.problem(expression)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 2 * *|it has 4 fields; use five: minute hour day-of-month month day-of-week",
            "0 0 2 * * *|it has 6 fields; use five: minute hour day-of-month month day-of-week",
            "0 24 * * *|the hour '24' is not a number from 0 to 23",
            "0 0 0 * *|the day of month '0' is not a number from 1 to 31",
            "0 0 * 13 *|the month '13' is not a number from 1 to 12",
            "0 0 * * 8|the day of week '8' is not a number from 0 to 7",
            "30-10 * * * *|the minute range '30-10' runs backwards",
            "*/0 * * * *|the minute step '0' must be a positive number",
            "@every 5m|unknown macro; use one of @annually, @daily, @hourly, @midnight, @monthly, @weekly, @yearly",
            "TZ=UTC 0 * * * *|time zones are not allowed in the schedule; the cluster's time zone applies",
            "0 0 * * FUNDAY|the day of week 'FUNDAY' is not a number from 0 to 7"})
    void explainsWhatIsWrong(String expression, String problem) {
        assertThat(Cron.problem(expression)).contains(problem);
    }
}
