package io.tabby.datastore.resource.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
    @ParameterizedTest
    @CsvSource({"90s, 90000", "1m30s, 90000", "1.5s, 1500", "50ms, 50", "1h, 3600000", "0, 0", "2h45m, 9900000",
            "500us, 0.5", "1000µs, 1"})
    void parses(String text, double millis) {
        assertThat(GoDuration.parse(text)).contains(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "90", "-1s", "1.5", "s", "1d", "1m 30s", ".s"})
    void rejects(String text) {
        assertThat(GoDuration.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"90000, 1m30s", "3600000, 1h0m0s", "1500, 1.5s", "50, 50ms", "0, 0s", "120000, 2m0s"})
    void formatsAsGo(long millis, String text) {
        assertThat(GoDuration.format(Duration.ofMillis(millis))).isEqualTo(text);
    }
}
