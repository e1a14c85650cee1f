package io.tabby.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingCommandRunnerTest {

    @Test
    void firstMatchingRuleAnswersAndEverythingIsRecorded() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replyTo(List.of("link", "show"), "[]")
                .reply(c -> c.argv().getFirst().equals("ipset"), 1, "", "The set with the given name does not exist");

        assertThat(runner.run(Command.of(List.of("ip", "-json", "link", "show"))).stdout()).isEqualTo("[]");
        assertThat(runner.run(Command.of(List.of("sysctl", "-n", "x"))).succeeded()).isTrue();
        assertThatThrownBy(() -> runner.runChecked(Command.of(List.of("ipset", "destroy", "s"))))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("does not exist");

        assertThat(runner.argvs()).containsExactly(List.of("ip", "-json", "link", "show"), List.of("sysctl", "-n", "x"),
                List.of("ipset", "destroy", "s"));
        assertThat(runner.last().argv()).startsWith("ipset");
    }

    @Test
    void lastWithoutCommandsSaysSo() {
        assertThatThrownBy(() -> new RecordingCommandRunner().last()).hasMessageContaining("no command");
    }
}
