package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.Golden;
import io.tabby.ctl.IpamFixture;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.ipam.AssignResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IpamCheckCommandTest {

    private final CtlHarness ctl = new CtlHarness();
    private IpamFixture ipam;

    /** Two nodes, each with pods whose endpoints use their addresses: nothing wrong. */
    @BeforeEach
    void cleanData() {
        ipam = new IpamFixture(ctl.store).pool("10.0.0.0/24").pool("fd00:1::/64").node("node1").node("node2");
        ipam.pod("node1", "pod-a", 1, 1);
        ipam.pod("node1", "pod-b", 1, 0);
        ipam.pod("node2", "pod-c", 1, 0);
    }

    private List<KeyValue> everything() {
        return ctl.store.list("/calico").kvs();
    }

    @Test
    void cleanDataExitsZero() {
        CtlRun run = ctl.run("ipam", "check");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        Golden.assertMatches("cli/ipam-check-clean.txt", run.out());
        assertThat(run.out()).endsWith("Check complete; found 0 problems.\n");
    }

    @Test
    void problemsArePrintedOneALineAndExitOne() {
        ipam.assign("node2", "gone", 2, 0);

        CtlRun run = ctl.run("ipam", "check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEmpty();
        Golden.assertMatches("cli/ipam-check-problems.txt", run.out());
        assertThat(run.out()).contains("Check complete; found 2 problems.\n")
                .contains("(handle " + IpamFixture.handle("gone") + ", ");
    }

    @Test
    void fixDryRunPrintsWhatItWouldDoAndWritesNothing() {
        ipam.assign("node2", "gone", 2, 0);
        List<KeyValue> before = everything();
        long revision = ctl.store.currentRevision();

        CtlRun run = ctl.run("ipam", "check", "--fix", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        Golden.assertMatches("cli/ipam-check-fix-dry-run.txt", run.out());
        assertThat(run.out()).contains("  would fix: ").contains("Dry run complete: 2 would be fixed; nothing was written.\n");
        assertThat(ctl.store.currentRevision()).isEqualTo(revision);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void fixReleasesLeaksAndChecksAgain() {
        AssignResult leaked = ipam.assign("node2", "gone", 2, 0);

        CtlRun run = ctl.run("ipam", "check", "--fix");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Golden.assertMatches("cli/ipam-check-fix.txt", run.out());
        assertThat(run.out()).contains("Repair complete: 2 fixed.\n")
                .endsWith("Checking again...\nCheck complete; found 0 problems.\n");
        for (var address : leaked.ipv4()) {
            assertThat(ctl.run("ipam", "show", "--ip=" + address).out()).isEqualTo("IP " + address + " is not assigned\n");
        }
        assertThat(ctl.run("ipam", "check").exitCode()).isZero();
    }

    @Test
    void problemsOnlyAnOperatorCanSolveRemainAfterFix() {
        AssignResult podA = new IpamFixture(ctl.store).pod("node1", "pod-x", 1, 0);
        ipam.endpoint("node2", "pod-y", podA);

        CtlRun run = ctl.run("ipam", "check", "--fix");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).contains("  needs an operator: address " + podA.ipv4().getFirst() + " is held more than once")
                .contains("Repair complete: 1 left for an operator.\n")
                .endsWith("Check complete; found 1 problems.\n");
    }

    @Test
    void dryRunWithoutFixIsAUsageError() {
        CtlRun run = ctl.run("ipam", "check", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--dry-run only applies to --fix");
    }
}
