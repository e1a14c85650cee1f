package io.tabby.ipam.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AddressInUseException;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.InvalidIpamRequestException;
import io.tabby.ipam.block.BlockQueries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatastoreIpamAssignTest {

    private final InMemoryBackend backend = new InMemoryBackend();
    private final DatastoreIpam ipam = new DatastoreIpam(backend);

    private static AssignRequest request(int v4, int v6, String handle, String node) {
        return AssignRequest.of(v4, v6, handle, AllocationAttributes.workload("default", handle, node, handle), node);
    }

    @Test
    void firstAssignmentClaimsABlockWithAConfirmedAffinityAndCountsTheHandle() {
        Fixtures.pool(backend, "10.0.0.0/24");

        AssignResult result = ipam.autoAssign(request(2, 0, "h1", "n1"));

        assertThat(result.ipv4()).hasSize(2);
        assertThat(result.ipv6()).isEmpty();
        Cidr block = Cidr.of(result.ipv4().getFirst(), 26);
        AllocationBlock stored = Fixtures.get(backend, new BlockKey(block));
        assertThat(stored.affinity()).isEqualTo("host:n1");
        assertThat(BlockQueries.ordinalsOf(stored, "h1")).hasSize(2);
        assertThat(Fixtures.get(backend, new BlockAffinityKey("n1", block)).effectiveState())
                .isEqualTo(AffinityState.CONFIRMED);
        assertThat(Fixtures.get(backend, new IpamHandleKey("h1"))).isEqualTo(IpamHandle.of(Map.of(block, 2)));
        assertThat(stored.attributes().getFirst().secondary()).containsEntry("node", "n1").containsEntry("pod", "h1");
    }

    @Test
    void laterAssignmentsOnTheNodeUseItsAffineBlock() {
        Fixtures.pool(backend, "10.0.0.0/24");
        IpAddr first = ipam.autoAssign(request(1, 0, "h1", "n1")).ipv4().getFirst();
        IpAddr second = ipam.autoAssign(request(1, 0, "h2", "n1")).ipv4().getFirst();

        assertThat(Cidr.of(second, 26)).isEqualTo(Cidr.of(first, 26));
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(1);
    }

    @Test
    void differentNodesGetDifferentBlocks() {
        Fixtures.pool(backend, "10.0.0.0/24");
        IpAddr a = ipam.autoAssign(request(1, 0, "h1", "n1")).ipv4().getFirst();
        IpAddr b = ipam.autoAssign(request(1, 0, "h2", "n2")).ipv4().getFirst();

        assertThat(Cidr.of(a, 26)).isNotEqualTo(Cidr.of(b, 26));
    }

    @Test
    void ipv6UsesSlash122BlocksByDefault() {
        Fixtures.pool(backend, "10.0.0.0/24");
        Fixtures.pool(backend, "fd80:24e2:f998:72d6::/64");

        AssignResult result = ipam.autoAssign(request(1, 2, "h1", "n1"));

        assertThat(result.ipv6()).hasSize(2);
        Cidr block = Cidr.of(result.ipv6().getFirst(), 122);
        assertThat(Fixtures.get(backend, new BlockKey(block)).affineNode()).isEqualTo("n1");
        assertThat(Fixtures.get(backend, new IpamHandleKey("h1")).block()).containsEntry(block, 2).hasSize(2);
        assertThat(ipam.ipsByHandle("h1")).containsAll(result.ipv6()).containsAll(result.ipv4()).hasSize(3);
    }

    @Test
    void poolBlockSizeIsHonoured() {
        Fixtures.pool(backend, "10.0.0.0/24", 28, false, null);

        IpAddr address = ipam.autoAssign(request(1, 0, "h1", "n1")).ipv4().getFirst();

        assertThat(backend.get(new BlockKey(Cidr.of(address, 28)).path())).isPresent();
    }

    @Test
    void assignIpTakesExactlyThatAddressAndRefusesItTwice() {
        Fixtures.pool(backend, "10.0.0.0/24");
        IpAddr address = IpAddr.parse("10.0.0.77");

        ipam.assignIp(address, "h1", Map.of(), "n1");

        assertThat(ipam.ipsByHandle("h1")).containsExactly(address);
        assertThat(Fixtures.get(backend, new BlockKey(Cidr.parse("10.0.0.64/26"))).affineNode()).isEqualTo("n1");
        assertThatThrownBy(() -> ipam.assignIp(address, "h2", Map.of(), "n1"))
                .isInstanceOf(AddressInUseException.class)
                .hasMessageContaining("10.0.0.77").hasMessageContaining("h1");
        assertThatThrownBy(() -> ipam.assignIp(IpAddr.parse("10.9.0.1"), "h3", Map.of(), "n1"))
                .isInstanceOf(InvalidIpamRequestException.class)
                .hasMessageContaining("not inside any enabled IP pool");
    }

    @Test
    void aPendingAffinityLeftByACrashedClaimIsConfirmedAndUsed() {
        Fixtures.pool(backend, "10.0.0.0/26");
        DatastoreIpam crashing = new DatastoreIpam(backend, CasRetry.DEFAULT_ATTEMPTS, step -> {
            if (step.equals("block-created")) {
                throw new IllegalStateException("killed");
            }
        });
        assertThatThrownBy(() -> crashing.autoAssign(request(1, 0, "h1", "n1"))).hasMessage("killed");
        BlockAffinityKey affinity = new BlockAffinityKey("n1", Cidr.parse("10.0.0.0/26"));
        assertThat(Fixtures.get(backend, affinity).effectiveState()).isEqualTo(AffinityState.PENDING);

        ipam.autoAssign(request(1, 0, "h2", "n1"));

        assertThat(Fixtures.get(backend, affinity).effectiveState()).isEqualTo(AffinityState.CONFIRMED);
        assertThat(ipam.ipsByHandle("h2")).hasSize(1);
        assertThat(ipam.ipsByHandle("h1")).isEmpty();
    }

    @Test
    void requestedPoolsRestrictTheChoice() {
        Fixtures.pool(backend, "10.0.0.0/24");
        Fixtures.pool(backend, "10.1.0.0/24");

        AssignResult result = ipam.autoAssign(new AssignRequest(3, 0, "h1", Map.of(), "n1",
                List.of(Cidr.parse("10.1.0.0/24")), List.of()));

        assertThat(result.ipv4()).allMatch(Cidr.parse("10.1.0.0/24")::contains);
    }

    @Test
    void assignIpInAnotherNodesBlockIsBorrowingUnlessAffinityIsStrict() {
        Fixtures.pool(backend, "10.0.0.0/24");
        ipam.assignIp(IpAddr.parse("10.0.0.1"), "h1", Map.of(), "n1");

        ipam.assignIp(IpAddr.parse("10.0.0.2"), "h2", Map.of(), "n2");
        Fixtures.config(backend, true, true, 0);

        assertThatThrownBy(() -> ipam.assignIp(IpAddr.parse("10.0.0.3"), "h3", Map.of(), "n2"))
                .isInstanceOf(InvalidIpamRequestException.class)
                .hasMessageContaining("node n1").hasMessageContaining("strict affinity");
        assertThat(ipam.ipsByHandle("h2")).containsExactly(IpAddr.parse("10.0.0.2"));
    }
}
