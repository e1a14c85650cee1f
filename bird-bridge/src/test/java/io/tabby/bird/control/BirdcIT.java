package io.tabby.bird.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.testkit.host.HostRequirements;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code birdc} (BIRD 1.6's client) as the client of Tabby's control socket. */
class BirdcIT {

    private static final Instant BOOT = Instant.now().minusSeconds(60);

    @TempDir
    Path dir;

    @BeforeAll
    static void needBirdc() {
        HostRequirements.fromSystem().requirePrograms("apt-get install bird (BIRD 1.6 ships birdc)", "birdc");
    }

    private String birdc(Path socket, String command) throws Exception {
        return BirdDaemon.run("birdc", "-s", socket.toString(), command);
    }

    private ControlServer server(Path socket, SampleTarget target) throws Exception {
        return ControlServer.start(socket, target, "1.6.8", Clock.system(ZoneId.systemDefault()));
    }

    @Test
    void birdcPrintsProtocolsRoutesAndStatusAsAgainstBird() throws Exception {
        Path socket = dir.resolve("bird.ctl");
        SampleTarget target = new SampleTarget(BOOT);
        TimeFormat time = new TimeFormat(Clock.system(ZoneId.systemDefault()));
        String boot = time.since(BOOT);
        String mesh = time.since(BOOT.plusSeconds(1));
        try (ControlServer ignored = server(socket, target)) {
            assertThat(birdc(socket, "show protocols")).isEqualTo("BIRD 1.6.8 ready.\n"
                    + "name     proto    table    state  since       info\n"
                    + "device1  Device   master   up     " + boot + "    \n"
                    + "direct1  Direct   master   up     " + boot + "    \n"
                    + "kernel1  Kernel   master   up     " + boot + "    \n"
                    + "static1  Static   master   up     " + boot + "    \n"
                    + "Mesh_10_0_0_2 BGP      master   up     " + mesh + "    Established   \n"
                    + "Global_10_0_0_9 BGP      master   start  " + boot + "    Active        Socket: Connection refused\n");

            assertThat(birdc(socket, "show route")).isEqualTo("BIRD 1.6.8 ready.\n"
                    + "10.65.1.0/26       blackhole [static1 " + boot + "] * (200)\n"
                    + "10.65.2.0/26       via 10.0.0.2 on eth0 [Mesh_10_0_0_2 " + mesh + "] * (100/0) [i]\n"
                    + "                   via 10.0.0.3 on eth0 [Global_10_0_0_9 " + mesh + " from 10.0.0.9] (100/0) [AS65001i]\n"
                    + "10.65.1.5/32       dev cali1234 [kernel1 " + boot + "] * (10)\n");

            assertThat(birdc(socket, "show status")).startsWith("BIRD 1.6.8 ready.\nBIRD 1.6.8\nRouter ID is 10.0.0.1\n")
                    .endsWith("Daemon is up and running\n");
            assertThat(birdc(socket, "show route count")).isEqualTo("BIRD 1.6.8 ready.\n4 of 4 routes for 3 networks\n");
            assertThat(birdc(socket, "show protocols all Mesh_10_0_0_2"))
                    .contains("\n  BGP state:          Established\n    Neighbor address: 10.0.0.2\n");
            assertThat(birdc(socket, "disable static1")).isEqualTo("BIRD 1.6.8 ready.\nstatic1: disabled\n");
            assertThat(birdc(socket, "configure check"))
                    .isEqualTo("BIRD 1.6.8 ready.\nReading configuration from /etc/tabby/bird.cfg\nConfiguration OK\n");
            assertThat(birdc(socket, "show route for 1.1.1.1")).isEqualTo("BIRD 1.6.8 ready.\nNetwork not in table\n");
            assertThat(birdc(socket, "down")).isEqualTo("BIRD 1.6.8 ready.\nShutdown requested\n");
            // the server calls shutdown() after the reply has gone, so birdc may return first
            await().atMost(java.time.Duration.ofSeconds(10)).untilTrue(target.shutdown);
        }
    }
}
