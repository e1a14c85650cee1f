package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    private final CtlHarness ctl = new CtlHarness();

    @ParameterizedTest
    @ValueSource(strings = {"apply", "create", "replace", "delete", "get", "version", "completion"})
    void everyCommandHasHelpWithoutTouchingTheDatastore(String command) {
        for (String flag : List.of("--help", "-h")) {
            CtlRun run = ctl.run(command, flag);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: tabbyctl " + command)
                    .contains("--etcd-endpoints", "-l, --log-level", "-c, --config", "Exit codes:");
            assertThat(run.err()).isEmpty();
        }
        assertThat(ctl.connections).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "create", "replace", "delete"})
    void everyWriteHasDryRun(String command) {
        assertThat(ctl.run(command, "--help").out()).contains("--dry-run");
    }
}
