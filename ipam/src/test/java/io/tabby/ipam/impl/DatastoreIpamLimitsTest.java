package io.tabby.ipam.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.InvalidIpamRequestException;
import io.tabby.ipam.NoPoolsException;
import io.tabby.ipam.PoolExhaustedException;
import io.tabby.ipam.RetriesExhaustedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatastoreIpamLimitsTest {

    private final InMemoryBackend backend = new InMemoryBackend();
    private final DatastoreIpam ipam = new DatastoreIpam(backend);

    @Test
    void exhaustionTakesNothingAndSaysSo() {
        Fixtures.pool(backend, "10.0.0.0/26");
        ipam.autoAssign(AssignRequest.of(63, 0, "big", Map.of(), "n1"));

        assertThatThrownBy(() -> ipam.autoAssign(AssignRequest.of(2, 0, "h2", Map.of(), "n1")))
                .isInstanceOf(PoolExhaustedException.class)
                .hasMessageContaining("only 1 of 2").hasMessageContaining("10.0.0.0/26");
        assertThat(ipam.ipsByHandle("h2")).isEmpty();
        assertThat(backend.get(new IpamHandleKey("h2").path())).isEmpty();
        assertThat(ipam.autoAssign(AssignRequest.of(1, 0, "h3", Map.of(), "n1")).ipv4()).hasSize(1);
    }

    @Test
    void aNodeBorrowsFromAnotherNodesBlockWhenNoBlockIsFree() {
        Fixtures.pool(backend, "10.0.0.0/26");
        ipam.autoAssign(AssignRequest.of(1, 0, "h1", Map.of(), "n1"));

        IpAddr borrowed = ipam.autoAssign(AssignRequest.of(1, 0, "h2", Map.of("node", "n2"), "n2")).ipv4().getFirst();

        assertThat(Fixtures.get(backend, new BlockKey(Cidr.parse("10.0.0.0/26"))).affineNode()).isEqualTo("n1");
        assertThat(Cidr.parse("10.0.0.0/26").contains(borrowed)).isTrue();
        assertThat(backend.list(KeyPaths.affinityPrefix("n2", IpFamily.V4)).kvs()).isEmpty();
    }

    @Test
    void strictAffinityForbidsBorrowing() {
        Fixtures.pool(backend, "10.0.0.0/26");
        Fixtures.config(backend, true, true, 0);
        ipam.autoAssign(AssignRequest.of(1, 0, "h1", Map.of(), "n1"));

        assertThatThrownBy(() -> ipam.autoAssign(AssignRequest.of(1, 0, "h2", Map.of(), "n2")))
                .isInstanceOf(PoolExhaustedException.class).hasMessageContaining("node n2");
    }

    @Test
    void maxBlocksPerHostCapsClaimsButBorrowingStillWorks() {
        Fixtures.pool(backend, "10.0.0.0/24", 28, false, null);
        Fixtures.config(backend, false, true, 1);
        ipam.autoAssign(AssignRequest.of(16, 0, "h1", Map.of(), "n1"));
        ipam.autoAssign(AssignRequest.of(1, 0, "other", Map.of(), "n2"));

        ipam.autoAssign(AssignRequest.of(1, 0, "h2", Map.of(), "n1"));

        assertThat(backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs()).hasSize(1);
    }

    @Test
    void disabledPoolsAreNotUsed() {
        Fixtures.pool(backend, "10.0.0.0/24", null, true, null);

        assertThatThrownBy(() -> ipam.autoAssign(AssignRequest.of(1, 0, "h1", Map.of(), "n1")))
                .isInstanceOf(NoPoolsException.class).hasMessageContaining("IPv4").hasMessageContaining("n1");
        assertThatThrownBy(() -> ipam.autoAssign(new AssignRequest(1, 0, "h1", Map.of(), "n1",
                List.of(Cidr.parse("10.0.0.0/24")), List.of())))
                .isInstanceOf(InvalidIpamRequestException.class).hasMessageContaining("is disabled");
        assertThatThrownBy(() -> ipam.autoAssign(new AssignRequest(1, 0, "h1", Map.of(), "n1",
                List.of(Cidr.parse("10.7.0.0/24")), List.of())))
                .isInstanceOf(InvalidIpamRequestException.class).hasMessageContaining("does not exist");
    }

    @Test
    void noV6PoolMeansNoV6AndNothingKept() {
        Fixtures.pool(backend, "10.0.0.0/24");

        assertThatThrownBy(() -> ipam.autoAssign(AssignRequest.of(1, 1, "h1", Map.of(), "n1")))
                .isInstanceOf(NoPoolsException.class).hasMessageContaining("IPv6");
        assertThat(backend.get(new IpamHandleKey("h1").path())).isEmpty();
    }

    @Test
    void poolNodeSelectorsPickPoolsByNodeLabels() {
        Fixtures.put(backend, new HostMetadataKey("edge-1"), new HostMetadata(Map.of("zone", "edge")));
        Fixtures.put(backend, new HostMetadataKey("core-1"), new HostMetadata(Map.of("zone", "core")));
        Fixtures.pool(backend, "10.0.0.0/24", null, false, "zone == 'edge'");
        Fixtures.pool(backend, "10.1.0.0/24", null, false, "all()");
        Fixtures.pool(backend, "10.2.0.0/24", null, false, "zone in {'core', 'lab'}");

        for (int i = 0; i < 5; i++) {
            IpAddr edge = ipam.autoAssign(AssignRequest.of(1, 0, "e" + i, Map.of(), "edge-1")).ipv4().getFirst();
            IpAddr core = ipam.autoAssign(AssignRequest.of(1, 0, "c" + i, Map.of(), "core-1")).ipv4().getFirst();
            assertThat(Cidr.parse("10.2.0.0/24").contains(edge)).isFalse();
            assertThat(Cidr.parse("10.0.0.0/24").contains(core)).isFalse();
        }
        assertThatThrownBy(() -> ipam.autoAssign(new AssignRequest(1, 0, "x", Map.of(), "core-1",
                List.of(Cidr.parse("10.0.0.0/24")), List.of())))
                .isInstanceOf(InvalidIpamRequestException.class).hasMessageContaining("does not select node core-1");
    }

    @Test
    void aSelectorThatDoesNotParseIsAnErrorNamingThePool() {
        Fixtures.pool(backend, "10.1.0.0/24", null, false, "zone == ");
        assertThatThrownBy(() -> ipam.autoAssign(AssignRequest.of(1, 0, "h2", Map.of(), "n1")))
                .isInstanceOf(InvalidIpamRequestException.class)
                .hasMessageContaining("10.1.0.0/24").hasMessageContaining("does not parse");
    }

    @Test
    void lostCasRacesEndInANamedErrorAfterTheBound() {
        Fixtures.pool(backend, "10.0.0.0/26");
        new DatastoreIpam(backend).autoAssign(AssignRequest.of(1, 0, "h1", Map.of(), "n1"));
        InterferingBackend interfering = new InterferingBackend(backend, KeyPaths.blockPrefix(IpFamily.V4));
        DatastoreIpam contended = new DatastoreIpam(interfering, 5, Checkpoint.NONE);

        assertThatThrownBy(() -> contended.autoAssign(AssignRequest.of(1, 0, "h2", Map.of(), "n1")))
                .isInstanceOf(RetriesExhaustedException.class)
                .hasMessageContaining("/calico/ipam/v2/assignment/ipv4/block/10.0.0.0-26")
                .hasMessageContaining("5 attempts")
                .satisfies(e -> assertThat(((RetriesExhaustedException) e).attempts()).isEqualTo(5));
        // the one-transaction path loses its few tries first, then the full algorithm its bound of 5
        assertThat(interfering.interferences()).isEqualTo(FastAssigner.MAX_ATTEMPTS + 5);
        assertThat(ipam.ipsByHandle("h2")).isEmpty();
    }
}
