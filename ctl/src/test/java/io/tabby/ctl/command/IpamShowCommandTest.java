package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.Golden;
import io.tabby.ctl.IpamFixture;
import io.tabby.datastore.model.IpAddr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IpamShowCommandTest {

    private final CtlHarness ctl = new CtlHarness();
    private IpAddr podA;

    /** Two IPv4 pools (one disabled), an IPv6 pool, pods on two nodes, and a block whose pool was deleted. */
    @BeforeEach
    void addresses() {
        IpamFixture ipam = new IpamFixture(ctl.store).pool("10.9.0.0/26");
        ipam.podIn("10.9.0.0/26", "node3", "old");
        ipam.deletePool("10.9.0.0/26").pool("10.0.0.0/24").pool("172.16.0.0/16", true).pool("fd00:1::/64");
        podA = ipam.pod("node1", "pod-a", 1, 1).ipv4().getFirst();
        ipam.pod("node1", "pod-b", 2, 0);
        ipam.pod("node2", "pod-c", 1, 0);
        ipam.pod("node2", "pod-d", 1, 0);
    }

    private String show(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "ipam";
        all[1] = "show";
        System.arraycopy(args, 0, all, 2, args.length);
        CtlRun run = ctl.run(all);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        return run.out();
    }

    @Test
    void poolTableMatchesGoldenFile() {
        Golden.assertMatches("cli/ipam-show.txt", show());
    }

    @Test
    void showBlocksAddsEachBlockUnderItsPoolAndOrphanedBlocksLast() {
        String out = show("--show-blocks");

        Golden.assertMatches("cli/ipam-show-blocks.txt", out);
        assertThat(out).contains("| Block    | 10.9.0.0/26 ").doesNotContain("IP Pool  | 10.9.0.0/26");
    }

    @Test
    void addressInUseNamesItsHandleAndAttributes() {
        String out = show("--ip=" + podA);

        Golden.assertMatches("cli/ipam-show-ip-in-use.txt", out);
        assertThat(out).startsWith("IP " + podA + " is in use\nHandle: " + IpamFixture.handle("pod-a") + "\n");
    }

    @Test
    void freeAddressIsNotAssigned() {
        String out = show("--ip", "10.0.0.250");

        Golden.assertMatches("cli/ipam-show-ip-not-assigned.txt", out);
        assertThat(out).isEqualTo("IP 10.0.0.250 is not assigned\n");
    }

    @Test
    void addressOutsideEveryBlockIsNotAssigned() {
        assertThat(show("--ip=fd00:2::1")).isEqualTo("IP fd00:2::1 is not assigned\n");
    }

    @Test
    void emptyDatastorePrintsTheHeaderOnly() {
        CtlRun run = new CtlHarness().run("ipam", "show");

        assertThat(run.out()).as(run.toString()).isEqualTo("""
                +----------+------+-----------+------------+----------+
                | GROUPING | CIDR | IPS TOTAL | IPS IN USE | IPS FREE |
                +----------+------+-----------+------------+----------+
                +----------+------+-----------+------------+----------+
                """);
    }

    @Test
    void malformedAddressIsAUsageError() {
        CtlRun run = ctl.run("ipam", "show", "--ip=10.0.0.300");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--ip'", "10.0.0.300",
                "Run 'tabbyctl ipam show --help' for usage.");
        assertThat(ctl.connections).isEmpty();
    }

    @Test
    void ipAndShowBlocksTogetherIsAUsageError() {
        CtlRun run = ctl.run("ipam", "show", "--ip=10.0.0.1", "--show-blocks");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Give either --ip or --show-blocks, not both");
    }

    @Test
    void globalOptionsWorkAfterTheSubcommand() {
        ctl.store.setAvailable(false);

        CtlRun run = ctl.run("ipam", "show", "--etcd-endpoints", "http://10.9.9.9:2379");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("Failed to execute command: cannot reach etcd at http://10.9.9.9:2379 (from --etcd-endpoints)");
    }
}
