package io.tabby.datastore.syncer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    private final RetryBackoff backoff =
            new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(42));

    @Test
    void delaysDoubleUpToTheBoundEachJitteredIntoItsUpperHalf() {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            delays.add(backoff.next());
        }

        long bound = 100;
        for (Duration delay : delays) {
            assertThat(delay.toMillis()).isBetween(bound / 2, bound);
            bound = Math.min(bound * 2, 5000);
        }
    }

    @Test
    void resetStartsOverFromTheShortestDelay() {
        for (int i = 0; i < 10; i++) {
            backoff.next();
        }

        backoff.reset();

        assertThat(backoff.next()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }
}
