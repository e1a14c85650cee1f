package io.tabby.confd.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void runsThroughTheShellAndCollectsBothStreams() {
        CommandResult result = runner.run("echo out; echo err >&2; exit 3", Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.ok()).isFalse();
        assertThat(result.output()).contains("out").contains("err");
        assertThat(result.describe()).startsWith("exited with status 3: ");
    }

    @Test
    void successIsExitZero() {
        assertThat(runner.run("true", Duration.ofSeconds(30)).ok()).isTrue();
    }

    @Test
    void aCommandPastItsTimeoutIsKilled() {
        CommandResult result = runner.run("sleep 600", Duration.ofMillis(200));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.ok()).isFalse();
        assertThat(result.describe()).startsWith("timed out");
    }
}
