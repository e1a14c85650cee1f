package io.tabby.ipam.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.block.BlockQueries;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatastoreIpamReleaseTest {

    private static final Cidr BLOCK = Cidr.parse("10.0.0.0/26");

    private final InMemoryBackend backend = new InMemoryBackend();
    private final DatastoreIpam ipam = new DatastoreIpam(backend);

    @Test
    void releaseByHandleFreesEverythingAndDeletesTheHandleButKeepsTheAffineBlock() {
        Fixtures.pool(backend, "10.0.0.0/26");
        List<IpAddr> taken = ipam.autoAssign(AssignRequest.of(3, 0, "h1", Map.of(), "n1")).ipv4();
        ipam.autoAssign(AssignRequest.of(1, 0, "h2", Map.of(), "n1"));

        assertThat(ipam.releaseByHandle("h1")).containsExactlyElementsOf(taken);

        assertThat(backend.get(new IpamHandleKey("h1").path())).isEmpty();
        AllocationBlock block = Fixtures.get(backend, new BlockKey(BLOCK));
        assertThat(BlockQueries.countsByHandle(block)).isEqualTo(Map.of("h2", 1));
        assertThat(block.unallocated()).endsWith(0, 1, 2);
        assertThat(ipam.releaseByHandle("h1")).isEmpty();
    }

    @Test
    void releaseIpsLowersTheHandleCountsAndReportsWhatWasFree() {
        Fixtures.pool(backend, "10.0.0.0/26");
        List<IpAddr> taken = ipam.autoAssign(AssignRequest.of(2, 0, "h1", Map.of(), "n1")).ipv4();
        IpAddr free = IpAddr.parse("10.0.0.50");
        IpAddr outside = IpAddr.parse("10.99.0.1");

        Set<IpAddr> notAllocated = ipam.releaseIps(Set.of(taken.getFirst(), free, outside));

        assertThat(notAllocated).containsExactlyInAnyOrder(free, outside);
        assertThat(Fixtures.get(backend, new IpamHandleKey("h1"))).isEqualTo(IpamHandle.of(Map.of(BLOCK, 1)));
        assertThat(ipam.ipsByHandle("h1")).containsExactly(taken.get(1));
    }

    @Test
    void anEmptiedBlockWithoutAffinityIsDeleted() {
        Fixtures.pool(backend, "10.0.0.0/26");
        AllocationBlock orphan = AllocationBlock.empty(BLOCK, null);
        Fixtures.put(backend, new BlockKey(BLOCK), orphan);
        IpAddr address = ipam.autoAssign(AssignRequest.of(1, 0, "h1", Map.of(), "n1")).ipv4().getFirst();
        assertThat(BLOCK.contains(address)).isTrue();

        ipam.releaseByHandle("h1");

        assertThat(backend.get(new BlockKey(BLOCK).path())).isEmpty();
    }
}
