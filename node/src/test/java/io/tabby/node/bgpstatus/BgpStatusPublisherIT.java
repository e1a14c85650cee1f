package io.tabby.node.bgpstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The publisher on its own thread against a real etcd: it writes, follows changes, and revokes on close. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BgpStatusPublisherIT {

    private final Backend backend;

    BgpStatusPublisherIT(EtcdServer etcd) {
        this.backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3)));
    }

    @AfterAll
    void close() {
        backend.close();
    }

    private Optional<NodeBgpStatus> stored(String node) {
        return backend.get(BgpStatusKeys.key(node)).map(KeyValue::value).map(BgpStatusCodec.INSTANCE::decode);
    }

    @Test
    void publishesFollowsChangesAndRevokesOnClose() {
        Instant since = Instant.parse("2026-11-22T23:30:04Z");
        List<BgpSession> sessions = new CopyOnWriteArrayList<>(List.of(
                new BgpSession("Mesh_10_0_0_2", "10.0.0.2", PeerType.MESH, "start", since, "Active", "")));
        PublisherSettings fast = new PublisherSettings(Duration.ofSeconds(6), Duration.ZERO, Duration.ofMillis(100));
        BgpStatusPublisher publisher = new BgpStatusPublisher(backend, "it-node", () -> List.copyOf(sessions),
                Clock.systemUTC(), fast);
        try {
            publisher.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> stored("it-node").isPresent());
            assertThat(backend.get(BgpStatusKeys.key("it-node")).orElseThrow().leaseId()).isNotZero();

            sessions.set(0, new BgpSession("Mesh_10_0_0_2", "10.0.0.2", PeerType.MESH, "up", since, "Established", ""));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stored("it-node").orElseThrow().sessions().getFirst().state().equals("up"));
        } finally {
            publisher.close();
        }
        assertThat(stored("it-node")).isEmpty();
    }
}
