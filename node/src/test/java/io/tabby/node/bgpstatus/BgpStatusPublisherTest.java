package io.tabby.node.bgpstatus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.datastore.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The publisher driven tick by tick against the in-memory store, whose leases follow a manual clock. */
class BgpStatusPublisherTest {

    private static final String KEY = "/calico/tabby/v1/host/node1/bgp_status";
    private static final PublisherSettings SETTINGS =
            new PublisherSettings(Duration.ofSeconds(90), Duration.ofSeconds(2), Duration.ofSeconds(1));

    private final ManualClock clock = new ManualClock();
    private final InMemoryBackend store = new InMemoryBackend(clock);
    private final List<BgpSession> sessions = new ArrayList<>();
    private final BgpStatusPublisher publisher =
            new BgpStatusPublisher(store, "node1", () -> List.copyOf(sessions), clock, SETTINGS);

    private static BgpSession mesh(String address, String state, String info) {
        return new BgpSession("Mesh_" + address.replace('.', '_'), address, PeerType.MESH, state,
                Instant.parse("2026-11-22T23:30:04Z"), info, "");
    }

    private Optional<NodeBgpStatus> stored() {
        return store.get(KEY).map(KeyValue::value).map(BgpStatusCodec.INSTANCE::decode);
    }

    @Test
    void writesOnChangeAtMostOncePerMinimumInterval() {
        sessions.add(mesh("10.0.0.2", "start", "Active"));
        publisher.tick();
        assertThat(stored().orElseThrow().sessions()).containsExactly(mesh("10.0.0.2", "start", "Active"));
        long firstRevision = store.get(KEY).orElseThrow().modRevision();

        clock.advance(Duration.ofSeconds(1));
        publisher.tick(); // unchanged: no write
        assertThat(store.get(KEY).orElseThrow().modRevision()).isEqualTo(firstRevision);

        sessions.set(0, mesh("10.0.0.2", "up", "Established"));
        publisher.tick(); // changed, but only 1 s after the last write
        assertThat(stored().orElseThrow().sessions().getFirst().state()).isEqualTo("start");

        clock.advance(Duration.ofSeconds(1));
        publisher.tick();
        NodeBgpStatus now = stored().orElseThrow();
        assertThat(now.sessions().getFirst().state()).isEqualTo("up");
        assertThat(now.time()).isEqualTo(clock.instant());
    }

    @Test
    void leaseIsRefreshedSoTheStatusOutlivesItsTtlAndGoesOnClose() {
        sessions.add(mesh("10.0.0.2", "up", "Established"));
        for (int second = 0; second <= 200; second++) {
            publisher.tick();
            clock.advance(Duration.ofSeconds(1));
        }
        store.expireLeases();
        assertThat(stored()).isPresent();

        publisher.close();
        assertThat(store.get(KEY)).isEmpty();
    }

    @Test
    void statusOfAPublisherThatStopsTickingExpiresAndIsRepublishedWithANewLease() {
        sessions.add(mesh("10.0.0.2", "up", "Established"));
        publisher.tick();
        clock.advance(Duration.ofSeconds(91));
        store.expireLeases();
        assertThat(stored()).isEmpty();

        publisher.tick(); // the refresh finds the lease gone: a new one, and the status again
        assertThat(stored()).isPresent();
        assertThat(store.get(KEY).orElseThrow().leaseId()).isNotZero();
    }
}
