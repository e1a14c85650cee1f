package io.tabby.ctl.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.ctl.CtlRun;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.node.bgpstatus.BgpSession;
import io.tabby.node.bgpstatus.BgpStatusPublisher;
import io.tabby.node.bgpstatus.PeerType;
import io.tabby.node.bgpstatus.PublisherSettings;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two fake nodes publish with the node agent's own publisher into a real etcd; {@code tabbyctl node
 * status --all} shows both, and a node whose agent stops refreshing its lease disappears when the
 * lease expires.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeStatusAllIT {

    /** Long ago at noon UTC: BIRD's since column shows the date, the same in any usual time zone. */
    private static final Instant SINCE = Instant.parse("2026-01-02T12:00:00Z");

    private final Backend backend;
    private final Map<String, String> env;

    NodeStatusAllIT(EtcdServer etcd) {
        this.backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3)));
        this.env = Map.of("ETCD_ENDPOINTS", String.join(",", etcd.endpoints()));
    }

    @AfterAll
    void close() {
        backend.close();
    }

    @BeforeEach
    void emptyKeyspace() {
        backend.commit(List.of(TxnOp.deletePrefix("/calico/")));
    }

    private BgpStatusPublisher publisher(String node, Duration ttl, List<BgpSession> sessions) {
        backend.put("/calico/bgp/v1/host/" + node + "/ip_addr_v4", "10.0.0." + node.charAt(node.length() - 1));
        return new BgpStatusPublisher(backend, node, () -> sessions, Clock.systemUTC(),
                new PublisherSettings(ttl, Duration.ZERO, Duration.ofMillis(500)));
    }

    private static BgpSession mesh(String address, String state, String info) {
        return new BgpSession("Mesh_" + address.replace('.', '_'), address, PeerType.MESH, state, SINCE, info, "");
    }

    private CtlRun statusAll() {
        return CtlRun.runReal("", env, "node", "status", "--all");
    }

    @Test
    void showsTheSessionsOfEveryPublishingNode() {
        try (BgpStatusPublisher node1 = publisher("node1", Duration.ofSeconds(30),
                        List.of(mesh("10.0.0.2", "up", "Established")));
                BgpStatusPublisher node2 = publisher("node2", Duration.ofSeconds(30), List.of(
                        mesh("10.0.0.1", "up", "Established"),
                        new BgpSession("Node_10_0_0_9", "10.0.0.9", PeerType.NODE, "start", SINCE,
                                "Active Socket: Connection refused", "Socket: Connection refused")))) {
            node1.tick();
            node2.tick();

            CtlRun run = statusAll();

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEqualTo("""
                    Node node1
                    IPv4 BGP status
                    +--------------+-------------------+-------+------------+-------------+
                    | PEER ADDRESS |     PEER TYPE     | STATE |   SINCE    |    INFO     |
                    +--------------+-------------------+-------+------------+-------------+
                    | 10.0.0.2     | node-to-node mesh | up    | 2026-01-02 | Established |
                    +--------------+-------------------+-------+------------+-------------+
                    IPv6 BGP status
                    No IPv6 peers found.

                    Node node2
                    IPv4 BGP status
                    +--------------+-------------------+-------+------------+--------------------------------+
                    | PEER ADDRESS |     PEER TYPE     | STATE |   SINCE    |              INFO              |
                    +--------------+-------------------+-------+------------+--------------------------------+
                    | 10.0.0.1     | node-to-node mesh | up    | 2026-01-02 | Established                    |
                    | 10.0.0.9     | node specific     | start | 2026-01-02 | Active Socket: Connection      |
                    |              |                   |       |            | refused                        |
                    +--------------+-------------------+-------+------------+--------------------------------+
                    IPv6 BGP status
                    No IPv6 peers found.

                    """);
        }
    }

    @Test
    void aNodeWhoseLeaseExpiresIsShownAsMissing() {
        BgpStatusPublisher alive = publisher("node1", Duration.ofSeconds(30), List.of(mesh("10.0.0.3", "up", "Established")));
        // node3's agent publishes once and then "dies": nobody refreshes its 2 s lease, nobody revokes it.
        BgpStatusPublisher dying = publisher("node3", Duration.ofSeconds(2), List.of(mesh("10.0.0.1", "up", "Established")));
        try {
            alive.tick();
            dying.tick();
            assertThat(statusAll().out()).contains("Node node3\nIPv4 BGP status\n+---");

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> statusAll().out().contains("Node node3\nNo BGP status published: tabby-node is not"
                            + " running on this node, or its status expired"));
            assertThat(statusAll().out()).contains("Node node1\nIPv4 BGP status\n+---", "| 10.0.0.3 ");
        } finally {
            alive.close();
        }
    }
}
