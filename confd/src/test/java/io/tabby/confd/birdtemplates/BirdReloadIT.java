package io.tabby.confd.birdtemplates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.confd.ConfdService;
import io.tabby.confd.ConfdSettings;
import io.tabby.confd.RunMode;
import io.tabby.confd.functions.HostContext;
import io.tabby.confd.functions.HostLookup;
import io.tabby.confd.processor.ResourceCounters;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import io.tabby.testkit.host.HostRequirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates' {@code reload_cmd} against a real BIRD 1.6: confd in watch mode renders the IPv4
 * files from real etcd keys into BIRD's config directory, and BIRD's running configuration follows
 * a put (a new {@code Mesh_} and {@code Node_} protocol in {@code birdc show protocols}) and a
 * delete; a render that fails, or a fragment BIRD would refuse, never reaches the file or BIRD.
 * The template resources are the repository's, with {@code dest} and the control socket moved into
 * the test's directory, as a node agent installing the confdir elsewhere does.
 */
@RealEtcd
class BirdReloadIT {
    private static final List<String> V4_RESOURCES = List.of("bird.toml", "bird_aggr.toml", "bird_ipam.toml",
            "custom_filters.toml");

    private final EtcdServer etcd;
    @TempDir
    Path work;

    BirdReloadIT(EtcdServer etcd) {
        this.etcd = etcd;
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    @Test
    void birdsRunningConfigFollowsEtcdThroughReloadCmd() throws Exception {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("BIRD runs in a network namespace of its own");
        host.requirePrograms("apt-get install bird iproute2: BIRD 1.6 and ip", "bird", "birdc", "ip");
        Path config = Files.createDirectories(work.resolve("config"));
        Path runDir = Files.createDirectories(work.resolve("run"));
        Path confdir = installConfdir(work.resolve("confd"), config, runDir.resolve("bird.ctl"));

        try (Backend backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()))) {
            backend.put("/calico/bgp/v1/global/as_num", "64512", 0);
            backend.put("/calico/bgp/v1/global/node_mesh", "{\"enabled\": true}", 0);
            backend.put("/calico/bgp/v1/host/node1/ip_addr_v4", "10.99.0.1", 0);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("NODENAME", "node1");
            try (ConfdService confd = new ConfdService(ConfdSettings.of(confdir, RunMode.WATCH), backend,
                    new HostContext(env, InstantSource.system(), HostLookup.NONE), new ProcessCommandRunner())) {
                confd.start();
                ResourceCounters bird = confd.counters().of("bird.toml");
                // BIRD is not up yet: the first reload finds no socket and counts as failed. (bird.cfg's
                // first check may fail too, before its fragments are written; it is retried.)
                waiting().until(() -> bird.updates() == 1 && bird.reloadFailures() == 1);
                long startupCheckFailures = bird.checkFailures();
                assertThat(Files.readString(config.resolve("bird.cfg"))).contains("router id 10.99.0.1;")
                        .doesNotContain("Mesh_");

                try (BirdDaemon daemon = BirdDaemon.start(config.resolve("bird.cfg"), runDir)) {
                    assertThat(daemon.birdc("show protocols")).contains("kernel1").doesNotContain("Mesh_");

                    long node2Revision = backend.put("/calico/bgp/v1/host/node2/ip_addr_v4", "10.99.0.2", 0);
                    waiting().untilAsserted(() -> assertThat(daemon.birdc("show protocols")).contains("Mesh_10_99_0_2"));
                    assertThat(bird.reloads()).isEqualTo(1);

                    backend.put("/calico/bgp/v1/host/node1/peer_v4/10.99.0.254",
                            "{\"ip\":\"10.99.0.254\",\"as_num\":\"65100\"}", 0);
                    waiting().untilAsserted(() -> assertThat(daemon.birdc("show protocols"))
                            .contains("Node_10_99_0_254").contains("Mesh_10_99_0_2"));

                    String good = Files.readString(config.resolve("bird.cfg"));
                    long renderErrors = bird.renderFailures();
                    long reloads = bird.reloads();
                    long badRevision = backend.put("/calico/bgp/v1/global/peer_v4/10.99.0.9",
                            "{\"ip\": \"10.99.0.9\", bad json", 0);
                    waiting().until(() -> bird.renderFailures() > renderErrors);
                    assertThat(Files.readString(config.resolve("bird.cfg"))).as("the last good file stays")
                            .isEqualTo(good);
                    assertThat(bird.reloads()).as("a failed render reloads nothing").isEqualTo(reloads);
                    assertThat(daemon.birdc("show protocols")).doesNotContain("Global_10_99_0_9")
                            .contains("Node_10_99_0_254");

                    // a fragment BIRD would refuse fails its own check: the file and BIRD keep the last good config
                    ResourceCounters filters = confd.counters().of("custom_filters.toml");
                    String goodFilters = Files.readString(config.resolve("custom_filters.cfg"));
                    long filterCheckFailures = filters.checkFailures();
                    long filterReloads = filters.reloads();
                    long typoRevision = backend.put("/calico/bgp/v1/global/custom_filters/v4/typo",
                            "if ( net ~ 10.96.0.0/12 ) then { acept; }", 0);
                    waiting().until(() -> filters.checkFailures() > filterCheckFailures);
                    assertThat(Files.readString(config.resolve("custom_filters.cfg"))).isEqualTo(goodFilters);
                    assertThat(filters.reloads()).isEqualTo(filterReloads);
                    assertThat(daemon.birdc("show protocols")).contains("Node_10_99_0_254");

                    backend.delete("/calico/bgp/v1/global/custom_filters/v4/typo", typoRevision);
                    backend.delete("/calico/bgp/v1/global/peer_v4/10.99.0.9", badRevision);
                    backend.delete("/calico/bgp/v1/host/node2/ip_addr_v4", node2Revision);
                    waiting().untilAsserted(() -> assertThat(daemon.birdc("show protocols"))
                            .doesNotContain("Mesh_10_99_0_2").contains("Node_10_99_0_254"));
                    assertThat(bird.checkFailures()).isEqualTo(startupCheckFailures);
                }
            }
        }
    }

    /** The repository's IPv4 template resources, with dest in {@code config} and BIRD's socket at {@code socket}. */
    private static Path installConfdir(Path confdir, Path config, Path socket) throws Exception {
        Files.createDirectories(confdir.resolve("conf.d"));
        for (String name : V4_RESOURCES) {
            String toml = Files.readString(TemplatesRenderer.CONFDIR.resolve("conf.d").resolve(name));
            assertThat(toml).as(name).contains("reload_cmd = \"birdc -s /var/run/calico/bird.ctl configure\"");
            Files.writeString(confdir.resolve("conf.d").resolve(name), toml
                    .replace(TemplatesRenderer.DEST_DIR, config + "/")
                    .replace("/var/run/calico/bird.ctl", socket.toString()));
        }
        Path templates = TemplatesRenderer.CONFDIR.resolve("templates");
        try (var walk = Files.walk(templates)) {
            for (Path source : walk.toList()) {
                Path target = confdir.resolve("templates").resolve(templates.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return confdir;
    }
}
