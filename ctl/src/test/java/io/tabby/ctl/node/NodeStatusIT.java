package io.tabby.ctl.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.ctl.CtlRun;
import io.tabby.testkit.host.HostRequirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tabbyctl node status} against two real BIRD 1.6 daemons peering across a veth between two
 * namespaces: one session Established, one refused (the peer only listens on its other address), so
 * the INFO column carries the reason. A process named {@code calico-felix} stands in for the node
 * agent that the status command looks for.
 */
class NodeStatusIT {

    private static final String NS_A = "bgpc-na";
    private static final String NS_B = "bgpc-nb";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    @BeforeEach
    void requireHost() {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("the BIRD daemons run in network namespaces");
        host.requirePrograms("apt-get install bird iproute2 bash coreutils", "bird", "ip", "bash", "sleep");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (String ns : namespaces) {
            run("ip", "netns", "del", ns);
        }
    }

    @Test
    void showsTheEstablishedPeerAndWhyTheOtherIsDown() throws Exception {
        addNamespace(NS_A);
        addNamespace(NS_B);
        run("ip", "link", "add", "bgpc-va", "netns", NS_A, "type", "veth", "peer", "name", "bgpc-vb", "netns", NS_B);
        run("ip", "-n", NS_A, "addr", "add", "192.0.2.1/24", "dev", "bgpc-va");
        run("ip", "-n", NS_B, "addr", "add", "192.0.2.2/24", "dev", "bgpc-vb");
        run("ip", "-n", NS_B, "addr", "add", "192.0.2.3/24", "dev", "bgpc-vb");
        run("ip", "-n", NS_A, "link", "set", "bgpc-va", "up");
        run("ip", "-n", NS_B, "link", "set", "bgpc-vb", "up");

        Path socketA = startBird(NS_A, """
                router id 192.0.2.1;
                protocol device { scan time 2; }
                protocol direct { interface "*"; }
                protocol static { route 10.65.1.0/26 blackhole; }
                protocol bgp Mesh_192_0_2_2 {
                  local 192.0.2.1 as 64512; neighbor 192.0.2.2 as 64512;
                  connect delay time 1; connect retry time 1; import all; export all;
                }
                protocol bgp Global_192_0_2_3 {
                  local 192.0.2.1 as 64512; neighbor 192.0.2.3 as 65001;
                  connect delay time 1; connect retry time 1; import all; export none;
                }
                """);
        startBird(NS_B, """
                router id 192.0.2.2;
                listen bgp address 192.0.2.2;
                protocol device { scan time 2; }
                protocol bgp Mesh_192_0_2_1 {
                  local 192.0.2.2 as 64512; neighbor 192.0.2.1 as 64512;
                  connect delay time 1; connect retry time 1; import all; export none;
                }
                """);
        processes.add(new ProcessBuilder("bash", "-c", "exec -a calico-felix sleep 600").start());

        String time = "\\d\\d:\\d\\d:\\d\\d";
        String expected = "Calico process is running\\.\n\n"
                + "IPv4 BGP status\n"
                + "\\+--------------\\+-------------------\\+-------\\+----------\\+--------------------------------\\+\n"
                + "\\| PEER ADDRESS \\|     PEER TYPE     \\| STATE \\|  SINCE   \\|              INFO              \\|\n"
                + "\\+--------------\\+-------------------\\+-------\\+----------\\+--------------------------------\\+\n"
                + "\\| 192\\.0\\.2\\.2    \\| node-to-node mesh \\| up    \\| " + time + " \\| Established                    \\|\n"
                + "\\| 192\\.0\\.2\\.3    \\| global            \\| start \\| " + time
                + " \\| (Active Socket: Connection      |Connect Socket: Connection     )\\|\n"
                + "\\|              \\|                   \\|       \\|          \\| refused                        \\|\n"
                + "\\+--------------\\+-------------------\\+-------\\+----------\\+--------------------------------\\+\n"
                + "\n"
                + "IPv6 BGP status\n"
                + "Error querying BIRD: unable to connect to BIRDv6 socket .*no-bird6\\.ctl: .*\n\n";
        AtomicReference<CtlRun> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            CtlRun status = CtlRun.run("", Map.of(), settings -> {
                throw new AssertionError("node status never opens the datastore");
            }, "node", "status", "--socket", socketA.toString(), "--socket6", dir.resolve("no-bird6.ctl").toString());
            last.set(status);
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).as(status.toString()).matches(expected);
        });
        assertThat(last.get().err()).isEmpty();
    }

    private void addNamespace(String ns) throws Exception {
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        run("ip", "-n", ns, "link", "set", "lo", "up");
    }

    private Path startBird(String ns, String config) throws Exception {
        Path file = dir.resolve(ns + ".conf");
        Files.writeString(file, config);
        Path socket = dir.resolve(ns + ".ctl");
        Process bird = new ProcessBuilder("ip", "netns", "exec", ns, "bird", "-f", "-c", file.toString(), "-s",
                socket.toString()).redirectErrorStream(true).redirectOutput(dir.resolve(ns + ".log").toFile()).start();
        processes.add(bird);
        await().atMost(Duration.ofSeconds(10)).until(() -> !bird.isAlive() || Files.exists(socket));
        assertThat(bird.isAlive()).as("bird in %s: %s", ns, Files.readString(dir.resolve(ns + ".log"))).isTrue();
        return socket;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + output);
        }
    }
}
