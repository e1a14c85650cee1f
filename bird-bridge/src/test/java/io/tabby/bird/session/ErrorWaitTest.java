package io.tabby.bird.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorWaitTest {
    @Test
    void doublesFromMinToMaxAndResets() {
        ErrorWait wait = new ErrorWait(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(wait.current()).isZero();
        assertThat(wait.onError()).hasSeconds(5);
        assertThat(wait.onError()).hasSeconds(10);
        assertThat(wait.onError()).hasSeconds(20);
        assertThat(wait.onError()).hasSeconds(30);
        assertThat(wait.onError()).hasSeconds(30);
        assertThat(wait.current()).hasSeconds(30);
        wait.reset();
        assertThat(wait.current()).isZero();
        assertThat(wait.onError()).hasSeconds(5);
    }

    @Test
    void rejectsAnEmptyOrInvertedRange() {
        assertThatThrownBy(() -> new ErrorWait(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("0 < min");
        assertThatThrownBy(() -> new ErrorWait(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("min <= max");
    }
}
