package io.tabby.ctl.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NodeStatusCommandTest {

    @TempDir
    Path dir;

    private static final ProcessTable TABBY_NODE = () -> List.of(
            List.of("/usr/bin/bash"), List.of("/opt/java/bin/java", "-cp", "x", "io.tabby.node.NodeMain"));

    private record Run(int exit, String out, String err) {}

    private Run run(ProcessTable processes, String... args) {
        return run(processes, List.of(dir.resolve("calico/bird.ctl")), List.of(dir.resolve("calico/bird6.ctl")), args);
    }

    private Run run(ProcessTable processes, List<Path> defaultV4, List<Path> defaultV6, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new NodeCommand())
                .addSubcommand(new NodeStatusCommand(processes, new BirdSocketClient(Duration.ofSeconds(2)), defaultV4, defaultV6,
                        () -> {
                            throw new AssertionError("node status without --all never opens the datastore");
                        }, java.time.Clock.systemUTC()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((ex, cl, parsed) -> {
            cl.getErr().println(ex.getMessage());
            return 1;
        });
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsThePeerTableOfTheGivenSocket() throws Exception {
        Path socket = dir.resolve("bird.ctl");
        String reply = "2002-name     proto    table    state  since       info\n"
                + "1002-kernel1  Kernel   master   up     20:10:56    \n"
                + " Mesh_10_0_0_2 BGP      master   up     20:10:57    Established   \n"
                + "0000 \n";
        try (CannedBirdSocket ignored = new CannedBirdSocket(socket, reply)) {
            Run run = run(TABBY_NODE, "status", "--socket", socket.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("""
                    Calico process is running.

                    IPv4 BGP status
                    +--------------+-------------------+-------+----------+-------------+
                    | PEER ADDRESS |     PEER TYPE     | STATE |  SINCE   |    INFO     |
                    +--------------+-------------------+-------+----------+-------------+
                    | 10.0.0.2     | node-to-node mesh | up    | 20:10:57 | Established |
                    +--------------+-------------------+-------+----------+-------------+

                    INFO: BIRDv6 process: 'bird6' is not running.

                    """);
        }
    }

    @Test
    void noPeersAMissingNamedSocketAndNoSocketsAtAll() throws Exception {
        Path fallback6 = dir.resolve("bird6.ctl");
        try (CannedBirdSocket ignored = new CannedBirdSocket(fallback6,
                "2002-name     proto    table    state  since       info\n1002-kernel1  Kernel   master   up     20:10:56    \n0000 \n")) {
            Run run = run(TABBY_NODE, List.of(dir.resolve("calico/bird.ctl")),
                    List.of(dir.resolve("calico/bird6.ctl"), fallback6), "status");
            assertThat(run.out()).as("the second default location is the fallback").isEqualTo(
                    "Calico process is running.\n\nINFO: BIRDv4 process: 'bird' is not running.\n"
                    + "\nIPv6 BGP status\nNo IPv6 peers found.\n\n");
        }
        Path wrong = dir.resolve("typo.ctl");
        Run named = run(TABBY_NODE, "status", "--socket", wrong.toString());
        assertThat(named.out()).startsWith("Calico process is running.\n\nIPv4 BGP status\n"
                + "Error querying BIRD: unable to connect to BIRDv4 socket " + wrong + ": ");
        Run none = run(TABBY_NODE, "status");
        assertThat(none.out()).isEqualTo(
                "Calico process is running.\n\nNone of the BGP backend processes (BIRD or GoBGP) are running.\n\n");
    }

    @Test
    void withoutANodeAgentItSaysSoAndFails() {
        Run run = run(() -> List.of(List.of("/usr/sbin/bird", "-f")), "status");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Calico process is not running.");
    }

    @Test
    void recognisesCalicosFelixToo() {
        assertThat(((ProcessTable) () -> List.of(List.of("calico-node", "-felix"))).nodeAgentRunning()).isTrue();
        assertThat(((ProcessTable) () -> List.of(List.of("/usr/bin/calico-felix"))).nodeAgentRunning()).isTrue();
        assertThat(((ProcessTable) () -> List.of(List.of("calico-node", "-confd"))).nodeAgentRunning()).isFalse();
        assertThat(ProcessTable.proc(Path.of("/proc")).commandLines()).isNotEmpty();
    }

    @Test
    void tabbyctlHasTheSubcommand() {
        CtlRun run = CtlRun.run("", java.util.Map.of(), settings -> {
            throw new AssertionError("node status never opens the datastore");
        }, "node", "status", "--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: tabbyctl node status", "--socket");
    }
}
