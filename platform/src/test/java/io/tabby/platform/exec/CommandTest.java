package io.tabby.platform.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void defaultsAndDisplay() {
        Command command = Command.of(List.of("ip", "-json", "link", "show"));

        assertThat(command.stdin()).isEmpty();
        assertThat(command.timeout()).isEqualTo(Command.DEFAULT_TIMEOUT);
        assertThat(command.display()).isEqualTo("ip -json link show");
    }

    @Test
    void rejectsEmptyArgvAndNonPositiveTimeout() {
        assertThatThrownBy(() -> Command.of(List.of())).hasMessageContaining("argv is empty");
        assertThatThrownBy(() -> new Command(List.of("ip"), Optional.empty(), Duration.ZERO))
                .hasMessageContaining("timeout must be positive");
    }
}
