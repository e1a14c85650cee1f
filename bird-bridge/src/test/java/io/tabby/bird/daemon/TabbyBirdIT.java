package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.testkit.bgp.BirdPeer;
import io.tabby.testkit.host.HostRequirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tabby-bird as its own process in one namespace, real BIRD 1.6 in another, joined by a veth: routes
 * both ways, {@code proto bird} in Tabby's kernel table, real {@code birdc} on Tabby's socket,
 * {@code configure} keeping an unchanged session and refusing a broken file, and a {@code kill -9}
 * with graceful restart that the kernel table never notices.
 */
class TabbyBirdIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MESH = "Mesh_10_202_1_2";

    private VethLab lab;
    private String id;
    private String tabbyNs;
    private String birdNs;
    private BirdPeer bird;
    private TabbyBirdProcess tabby;
    private Path config;
    private Path socket;
    private Path log;

    @TempDir
    Path dir;

    @BeforeEach
    void lab() {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("the daemon and BIRD run in network namespaces");
        host.requirePrograms("apt-get install iproute2 bird (BIRD 1.6 ships birdc)", "ip", "bird", "birdc");
        lab = VethLab.create("10.202.1.1/24", "10.202.1.2/24");
        id = lab.id;
        tabbyNs = lab.tabbyNs;
        birdNs = lab.birdNs;
        config = dir.resolve("bird.cfg");
        socket = dir.resolve("tabby-bird.ctl");
        log = dir.resolve("tabby-bird.log");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (lab != null) {
            lab.closeAfter(tabby, bird);
        }
    }

    private static String tabbyConfig(String extraStatic) {
        return """
                router id 10.202.1.1;
                filter calico_kernel_programming {
                  if ( net ~ 10.65.0.0/16 ) then accept;
                  reject;
                }
                filter calico_export_to_bgp_peers {
                  if ( net ~ 10.65.0.0/16 ) then accept;
                  reject;
                }
                protocol kernel {
                  learn;
                  persist;
                  scan time 2;
                  import all;
                  export filter calico_kernel_programming;
                  graceful restart;
                }
                protocol device {
                  scan time 2;
                }
                protocol direct {
                  interface -"cali*", "*";
                }
                protocol static {
                  route 10.65.1.0/26 blackhole;
                %s}
                template bgp bgp_template {
                  local as 64512;
                  import all;
                  export filter calico_export_to_bgp_peers;
                  graceful restart;
                  connect delay time 1;
                  connect retry time 1;
                  error wait time 1,5;
                }
                protocol bgp %s from bgp_template {
                  neighbor 10.202.1.2 as 64512;
                  source address 10.202.1.1;
                }
                """.formatted(extraStatic, MESH);
    }

    private static final String BIRD_CONFIG = """
            router id 10.202.1.2;
            protocol device { scan time 2; }
            protocol kernel { import none; export none; }
            protocol static { route 10.65.2.0/26 blackhole; }
            protocol bgp tabby {
              local as 64512;
              neighbor 10.202.1.1 as 64512;
              import all;
              export all;
              graceful restart;
              connect retry time 1;
              error wait time 1,5;
            }
            """;

    private String birdc(String... command) {
        List<String> argv = new java.util.ArrayList<>(List.of("birdc", "-s", socket.toString()));
        argv.addAll(List.of(command));
        return Host.tryRun(argv).output();
    }

    private String tabbyRoutes() {
        return Host.run("ip", "-n", tabbyNs, "route", "show");
    }

    private String meshRow() {
        return birdc("show", "protocols", MESH).lines().filter(l -> l.startsWith(MESH + " ")).findFirst().orElse("");
    }

    private TabbyBirdProcess startTabby(boolean recovery) {
        TabbyBirdProcess process = TabbyBirdProcess.start(tabbyNs, config, socket, log, recovery);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(process.alive()).as("tabby-bird exited:\n%s", process.log()).isTrue();
            assertThat(meshRow()).contains("Established");
        });
        return process;
    }

    @Test
    void runsAsBirdAgainstRealBird() throws Exception {
        Files.writeString(config, tabbyConfig(""));
        bird = BirdPeer.start(birdNs, dir, "bird", BIRD_CONFIG, false);
        tabby = startTabby(false);

        // routes both ways; BIRD's route in Tabby's kernel as proto bird, the static blackhole too
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(tabbyRoutes()).contains("10.65.2.0/26 via 10.202.1.2 dev " + id + "t proto bird",
                    "blackhole 10.65.1.0/26 proto bird");
            assertThat(bird.routes()).contains("10.65.1.0/26");
        });

        // a route someone else put in Tabby's kernel (learn: a workload in a borrowed block) reaches BIRD
        // through the export filter; the interface's own network does not pass it
        Host.run("ip", "-n", tabbyNs, "route", "add", "10.65.9.5/32", "dev", id + "t");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bird.routes()).contains("10.65.9.5/32"));
        assertThat(bird.routes()).doesNotContain("10.202.1.0/24");
        assertThat(birdc("show", "route", "for", "10.65.9.5")).contains("dev " + id + "t [kernel1 ");

        // real birdc on Tabby's socket
        String protocols = birdc("show", "protocols");
        assertThat(protocols).contains("kernel1  Kernel   master   up", "device1  Device   master   up",
                "direct1  Direct   master   up", "static1  Static   master   up");
        assertThat(meshRow()).contains("BGP      master   up").contains("Established");
        assertThat(birdc("show", "route", "for", "10.65.2.7")).contains("10.65.2.0/26", "via 10.202.1.2", MESH);
        assertThat(birdc("show", "status")).contains("Router ID is 10.202.1.1", "Daemon is up and running");

        // configure with the peer unchanged: same session, new static route announced
        String since = sinceOf(meshRow());
        Files.writeString(config, tabbyConfig("  route 10.65.3.0/26 blackhole;\n"));
        assertThat(birdc("configure")).contains("Reconfigured");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bird.routes()).contains("10.65.3.0/26"));
        assertThat(meshRow()).contains("Established");
        assertThat(sinceOf(meshRow())).isEqualTo(since);
        assertThat(bird.protocolRow("tabby")).contains("Established");

        // a broken file is refused with its position; the daemon keeps running what it had
        Files.writeString(config, "router id 10.202.1.1;\nprotocol kernel {\n  frobnicate;\n}\n");
        assertThat(birdc("configure")).contains(config + ":3:3");
        assertThat(meshRow()).contains("Established");
        assertThat(tabbyRoutes()).contains("blackhole 10.65.3.0/26 proto bird");
        assertThat(birdc("show", "status")).contains("Daemon is up and running");

        // disable ends the session with Cease, enable brings it back
        assertThat(birdc("disable", MESH)).contains(MESH + ": disabled");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(meshRow()).contains("BGP      master   down");
            assertThat(bird.protocolRow("tabby")).doesNotContain("Established");
        });
        assertThat(birdc("enable", MESH)).contains(MESH + ": enabled");
        await().atMost(WAIT).untilAsserted(() -> assertThat(meshRow()).contains("Established"));

        // down: a clean stop; with persist every route stays in the kernel, and BIRD sees the session end
        assertThat(birdc("down")).contains("Shutdown requested");
        assertThat(tabby.waitForExit()).as("exit status; log:%n%s", tabby.log()).isZero();
        assertThat(tabbyRoutes()).contains("blackhole 10.65.1.0/26 proto bird", "10.65.2.0/26 via 10.202.1.2");
        await().atMost(WAIT).untilAsserted(() -> assertThat(bird.protocolRow("tabby")).doesNotContain("Established"));
    }

    @Test
    void killNineWithGracefulRestartKeepsEveryRoute() throws Exception {
        Files.writeString(config, tabbyConfig(""));
        bird = BirdPeer.start(birdNs, dir, "bird", BIRD_CONFIG, false);
        tabby = startTabby(false);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(tabbyRoutes()).contains("10.65.2.0/26 via 10.202.1.2");
            assertThat(bird.routes()).contains("10.65.1.0/26");
        });

        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicInteger missing = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        Thread watcher = Thread.ofPlatform().name("bgpd-kernel-watch").start(() -> {
            for (int i = 0; i < 100_000 && watching.get(); i++) {
                if (!tabbyRoutes().contains("10.65.2.0/26 via 10.202.1.2")) {
                    missing.incrementAndGet();
                }
                samples.incrementAndGet();
            }
        });
        try {
            tabby.kill();
            assertThat(bird.routes()).as("BIRD keeps Tabby's routes (stale) while it restarts").contains("10.65.1.0/26");

            tabby = startTabby(true);
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(tabby.log()).contains("routes re-learned");
                assertThat(bird.routes()).contains("10.65.1.0/26");
            });
        } finally {
            watching.set(false);
            watcher.join(WAIT.toMillis());
        }
        assertThat(samples.get()).isPositive();
        assertThat(missing.get()).as("samples (of %d) without BIRD's route in Tabby's kernel; tabby-bird log:%n%s",
                samples.get(), tabby.log()).isZero();
        assertThat(tabbyRoutes()).contains("10.65.2.0/26 via 10.202.1.2", "blackhole 10.65.1.0/26 proto bird");

        // SIGTERM: a clean stop, the routes persist
        assertThat(tabby.terminate()).isTrue();
        assertThat(tabby.log()).contains("tabby-bird shutting down");
        assertThat(tabbyRoutes()).contains("10.65.2.0/26 via 10.202.1.2", "blackhole 10.65.1.0/26 proto bird");
    }

    @Test
    void parseOnlyAsAProcess() throws Exception {
        Path good = dir.resolve("good.cfg");
        Files.writeString(good, tabbyConfig(""));
        Path bad = dir.resolve("bad.cfg");
        Files.writeString(bad, "router id 10.202.1.1;\nprotocol bgp {\n  neighbor 10.0.0.2 as;\n}\n");

        Host.Result ok = Host.tryRun(TabbyBirdProcess.javaCommand("-p", "-c", good.toString()));
        Host.Result refused = Host.tryRun(TabbyBirdProcess.javaCommand("-p", "-c", bad.toString()));

        assertThat(ok).isEqualTo(new Host.Result(0, ""));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).startsWith("tabby-bird: " + bad + ":3:");
    }

    private static String sinceOf(String row) {
        String[] columns = row.trim().split("\\s+");
        return columns.length > 4 ? columns[4] : "";
    }
}
