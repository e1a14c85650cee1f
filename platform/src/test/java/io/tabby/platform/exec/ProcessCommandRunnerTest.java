package io.tabby.platform.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {

    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void feedsStdinAndCapturesStdout() {
        CommandResult result = runner.runChecked(Command.withStdin(List.of("cat"), "route replace 10.0.0.0/8 dev x\n"));

        assertThat(result.stdout()).isEqualTo("route replace 10.0.0.0/8 dev x\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void nonZeroExitNamesCommandCodeAndStderr() {
        Command command = Command.of(List.of("sh", "-c", "echo 'Cannot find device \"x\"' >&2; exit 2"));

        CommandResult result = runner.run(command);
        assertThat(result.succeeded()).isFalse();
        assertThatThrownBy(result::orThrow)
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("sh -c")
                .hasMessageContaining("exit code 2")
                .hasMessageContaining("Cannot find device \"x\"");
    }

    @Test
    void handsOutputOverLineByLineWithTheExitCodeAndStderr() {
        List<String> lines = new ArrayList<>();
        Command command = Command.withStdin(List.of("sh", "-c", "cat; echo tail; echo oops >&2; exit 3"), "a\nb\n");

        CommandResult result = runner.runLines(command, lines::add);

        assertThat(lines).containsExactly("a", "b", "tail");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("oops\n");
    }

    @Test
    void aLineReaderStopsTheProgramWhenItFailsOrTimesOut() {
        Command endless = new Command(List.of("yes"), Optional.empty(), Duration.ofSeconds(30));
        assertThatThrownBy(() -> runner.runLines(endless, line -> {
            throw new IllegalStateException("enough");
        })).hasMessage("enough");

        Command silent = new Command(List.of("sleep", "60"), Optional.empty(), Duration.ofMillis(200));
        assertThatThrownBy(() -> runner.runLines(silent, line -> { }))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageContaining("sleep 60");
    }

    @Test
    void killsACommandThatOutlivesItsTimeout() {
        Command sleeper = new Command(List.of("sleep", "60"), Optional.empty(), Duration.ofMillis(200));

        assertThatThrownBy(() -> runner.run(sleeper))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageContaining("sleep 60");
    }

    @Test
    void aMissingProgramSaysSo() {
        assertThatThrownBy(() -> runner.run(Command.of(List.of("tabby-no-such-program"))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("tabby-no-such-program")
                .hasMessageContaining("installed");
    }
}
