package io.tabby.datastore.syncer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncerSettingsTest {

    @Test
    void defaultsArePinned() {
        assertThat(SyncerSettings.DEFAULTS).isEqualTo(new SyncerSettings(
                Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10)));
    }

    @Test
    void stallDeadlineMustOutlastTheProgressInterval() {
        assertThatThrownBy(() -> new SyncerSettings(Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .hasMessageContaining("stallDeadline PT3S must be longer than progressInterval PT3S");
    }

    @Test
    void backoffBoundsMustBeOrderedAndPositive() {
        assertThatThrownBy(() -> new SyncerSettings(Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(10))).hasMessageContaining("below minRetryBackoff");
        assertThatThrownBy(() -> new SyncerSettings(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(10)))
                .hasMessageContaining("minRetryBackoff must be positive");
    }
}
