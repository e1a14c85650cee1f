package io.tabby.confd.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.platform.exec.ProcessCommandRunner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** confd's shell lines on platform's real runner: /bin/sh -c, both streams in the failure, kill on timeout. */
class ShellCommandsTest {
    private final ShellCommands shell = new ShellCommands(new ProcessCommandRunner(), Duration.ofSeconds(30));

    @Test
    void runsThroughTheShellAndReportsStatusAndBothStreams() {
        assertThat(shell.failure("echo out; echo err >&2; exit 3")).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("exited with status 3: ").contains("out").contains("err"));
    }

    @Test
    void successIsExitZero() {
        assertThat(shell.failure("true")).isEmpty();
    }

    @Test
    void aLinePastItsTimeoutIsKilledAndReportedAsTimedOut() {
        ShellCommands quick = new ShellCommands(new ProcessCommandRunner(), Duration.ofMillis(200));

        assertThat(quick.failure("sleep 600")).hasValueSatisfying(failure -> assertThat(failure).startsWith("timed out"));
    }

    @Test
    void theCommandIsShDashCWithTheLineWhole() {
        assertThat(ShellCommands.command("a 'b c' && d", Duration.ofSeconds(5)).argv())
                .containsExactly("/bin/sh", "-c", "a 'b c' && d");
    }
}
