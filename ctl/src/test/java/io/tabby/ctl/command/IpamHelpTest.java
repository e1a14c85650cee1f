package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpamHelpTest {

    private final CtlHarness ctl = new CtlHarness();

    @ParameterizedTest
    @ValueSource(strings = {"", "show", "check", "release"})
    void everyIpamCommandHasHelpWithoutTouchingTheDatastore(String command) {
        String qualified = command.isEmpty() ? "ipam" : "ipam " + command;
        for (String flag : new String[] {"--help", "-h"}) {
            CtlRun run = ctl.run((qualified + " " + flag).split(" "));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: tabbyctl " + qualified)
                    .contains("--etcd-endpoints", "-l, --log-level", "-c, --config", "Exit codes:");
            assertThat(run.err()).isEmpty();
        }
        assertThat(ctl.connections).isEmpty();
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(ctl.run("ipam", "show", "--help").out()).contains("--ip=IP", "--show-blocks");
        assertThat(ctl.run("ipam", "check", "--help").out()).contains("--fix", "--dry-run", "Exits 1 while problems remain.",
                "   1   Problems remain (or --fix --dry-run found some)");
        assertThat(ctl.run("ipam", "release", "--help").out()).contains("--ip=IP");
        assertThat(ctl.run("--help").out()).contains("ipam");
        assertThat(ctl.run("ipam", "--help").out()).contains("show", "check", "release");
    }

    @Test
    void ipamWithoutSubcommandListsThem() {
        CtlRun run = ctl.run("ipam");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing command: give one of show, check, release");
    }
}
