package io.tabby.ipam.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AllocatedAddress;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.HandleAllocations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatastoreIpamHandlesTest {

    private final InMemoryBackend backend = new InMemoryBackend();
    private final DatastoreIpam ipam = new DatastoreIpam(backend);

    @Test
    void listsHandlesByPrefixWithTheirAddressesAndAttributes() {
        Fixtures.pool(backend, "10.0.0.0/24");
        Fixtures.pool(backend, "fd00:10::/64");
        AssignResult a = ipam.autoAssign(AssignRequest.of(2, 1, "net-a.c1", Map.of("pod", "p1"), "n1"));
        AssignResult b = ipam.autoAssign(AssignRequest.of(1, 0, "net-a.c2", Map.of("pod", "p2"), "n2"));
        ipam.autoAssign(AssignRequest.of(1, 0, "net-b.c3", Map.of(), "n1"));

        List<HandleAllocations> netA = ipam.handles("net-a.");

        assertThat(netA).extracting(HandleAllocations::handleId).containsExactly("net-a.c1", "net-a.c2");
        HandleAllocations first = netA.getFirst();
        assertThat(first.addresses()).containsExactly(a.ipv4().get(0), a.ipv4().get(1), a.ipv6().getFirst());
        assertThat(first.allocations()).extracting(AllocatedAddress::attributes).containsOnly(Map.of("pod", "p1"));
        assertThat(netA.get(1).addresses()).containsExactlyElementsOf(b.ipv4());
        assertThat(ipam.handles("")).hasSize(3);
        assertThat(ipam.handles("net-c.")).isEmpty();
    }

    @Test
    void aHandleWhoseBlocksHoldNothingForItIsListedEmpty() {
        Fixtures.put(backend, new IpamHandleKey("stale/one"), IpamHandle.of(Map.of(Cidr.parse("10.9.0.0/26"), 1)));

        assertThat(ipam.handles("stale/")).containsExactly(new HandleAllocations("stale/one", List.of()));
        assertThat(ipam.handles("stale/o")).hasSize(1);
    }

    @Test
    void aPrefixThatIsNoValidKeyStillFilters() {
        Fixtures.pool(backend, "10.0.0.0/24");
        IpAddr address = ipam.autoAssign(AssignRequest.of(1, 0, "..x", Map.of(), "n1")).ipv4().getFirst();

        assertThat(ipam.handles("..")).extracting(HandleAllocations::addresses).containsExactly(List.of(address));
    }

    @Test
    void tellsWhichHandleHoldsAnAddress() {
        Fixtures.pool(backend, "10.0.0.0/24");
        IpAddr taken = ipam.autoAssign(AssignRequest.of(1, 0, "net-a.c1", Map.of(), "n1")).ipv4().getFirst();

        assertThat(ipam.handleOf(taken)).contains("net-a.c1");
        assertThat(ipam.handleOf(IpAddr.parse("10.0.0.63"))).isEmpty();
        assertThat(ipam.handleOf(IpAddr.parse("192.0.2.1"))).isEmpty();
        assertThat(ipam.handleOf(IpAddr.parse("fd00::1"))).isEmpty();
    }

    @Test
    void findsPoolsByNameOrCidr() {
        Fixtures.pool(backend, "10.0.0.0/24");
        Fixtures.put(backend, new IpPoolKey(Cidr.parse("fd00:10::/64")), new IpPool(Cidr.parse("fd00:10::/64"), "",
                null, null, false, true, false, null, null, null, "v6-pool", UnknownFields.NONE));

        assertThat(ipam.findPool(IpFamily.V6, "v6-pool")).contains(Cidr.parse("fd00:10::/64"));
        assertThat(ipam.findPool(IpFamily.V6, "fd00:10::/64")).contains(Cidr.parse("fd00:10::/64"));
        assertThat(ipam.findPool(IpFamily.V4, "10.0.0.0/24")).contains(Cidr.parse("10.0.0.0/24"));
        assertThat(ipam.findPool(IpFamily.V4, IpPool.of(Cidr.parse("10.0.0.0/24")).name()))
                .contains(Cidr.parse("10.0.0.0/24"));
        assertThat(ipam.findPool(IpFamily.V4, "v6-pool")).isEmpty();
        assertThat(ipam.findPool(IpFamily.V4, "10.1.0.0/24")).isEmpty();
        assertThat(ipam.findPool(IpFamily.V4, "no-such-pool")).isEmpty();
        assertThat(ipam.findPool(IpFamily.V4, "10.0.0.0/99")).isEmpty();
    }
}
