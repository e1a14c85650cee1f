package io.tabby.ipam.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.check.IpamProblem.AddressHeldTwice;
import io.tabby.ipam.check.IpamProblem.BlockAffineToTwoNodes;
import io.tabby.ipam.check.IpamProblem.BlockWithoutAffinity;
import io.tabby.ipam.check.IpamProblem.DanglingAffinity;
import io.tabby.ipam.check.IpamProblem.HandleCountMismatch;
import io.tabby.ipam.check.IpamProblem.InUseButUnallocated;
import io.tabby.ipam.check.IpamProblem.LeakedAddress;
import io.tabby.ipam.check.IpamProblem.MissingHandle;
import io.tabby.ipam.check.IpamProblem.UnconfirmedAffinity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpamCheckerTest {

    private static final String BLOCK = "10.0.0.0/26";
    private static final Map<String, String> POD = Map.of("node", "n1", "pod", "p1");

    /** One node, one block, one pod with one address: everything consistent. */
    private static SnapshotBuilder healthy() {
        return new SnapshotBuilder()
                .block(SnapshotBuilder.blockWith(BLOCK, "n1", "h1", 1, POD))
                .affinity("n1", BLOCK, AffinityState.CONFIRMED)
                .handle("h1", BLOCK, 1)
                .endpoint("n1", "p1", "10.0.0.0");
    }

    @Test
    void aConsistentStateIsClean() {
        IpamReport report = IpamChecker.check(healthy().build());
        assertThat(report.isClean()).isTrue();
        assertThat(report.summary()).isEqualTo("Check complete; found 0 problems.");
    }

    @Test
    void anAllocationWithoutItsHandleIsReported() {
        SnapshotBuilder state = new SnapshotBuilder()
                .block(SnapshotBuilder.blockWith(BLOCK, "n1", "h1", 1, POD))
                .affinity("n1", BLOCK, AffinityState.CONFIRMED)
                .endpoint("n1", "p1", "10.0.0.0");
        assertThat(IpamChecker.check(state.build()).problems())
                .containsExactly(new MissingHandle(IpAddr.parse("10.0.0.0"), Cidr.parse(BLOCK), "h1"));
    }

    @Test
    void handleCountsMustMatchTheBlocks() {
        IpamReport report = IpamChecker.check(healthy().handle("h1", BLOCK, 3).handle("ghost", "10.0.0.64/26", 1)
                .build());
        assertThat(report.problems()).containsExactlyInAnyOrder(
                new HandleCountMismatch("h1", Cidr.parse(BLOCK), 3, 1),
                new HandleCountMismatch("ghost", Cidr.parse("10.0.0.64/26"), 1, 0));
    }

    @Test
    void affinitiesAndBlocksMustAgree() {
        IpamReport report = IpamChecker.check(healthy()
                .affinity("n2", BLOCK, AffinityState.PENDING)
                .affinity("n2", "10.0.0.128/26", AffinityState.CONFIRMED)
                .block(AllocationBlock.empty(Cidr.parse("10.0.0.64/26"), "n3"))
                .block(AllocationBlock.empty(Cidr.parse("10.0.0.192/26"), "n4"))
                .affinity("n4", "10.0.0.192/26", AffinityState.PENDING)
                .build());
        assertThat(report.problems()).containsExactlyInAnyOrder(
                new DanglingAffinity("n2", Cidr.parse(BLOCK), AffinityState.PENDING, true, "n1"),
                new DanglingAffinity("n2", Cidr.parse("10.0.0.128/26"), AffinityState.CONFIRMED, false, null),
                new BlockWithoutAffinity(Cidr.parse("10.0.0.64/26"), "n3"),
                new UnconfirmedAffinity("n4", Cidr.parse("10.0.0.192/26")));
    }

    @Test
    void aBlockConfirmedByTwoNodesIsReported() {
        IpamReport report = IpamChecker.check(healthy().affinity("n2", BLOCK, AffinityState.CONFIRMED).build());
        assertThat(report.of(BlockAffineToTwoNodes.class))
                .containsExactly(new BlockAffineToTwoNodes(Cidr.parse(BLOCK), List.of("n1", "n2")));
    }

    @Test
    void anAddressHeldTwiceIsReported() {
        IpamReport report = IpamChecker.check(healthy()
                .block(SnapshotBuilder.blockWith("10.0.0.0/28", "n1", "h1", 1, POD))
                .endpoint("n2", "p2", "10.0.0.0")
                .build());
        assertThat(report.of(AddressHeldTwice.class)).hasSize(2)
                .allSatisfy(p -> assertThat(p.address()).isEqualTo(IpAddr.parse("10.0.0.0")));
    }

    @Test
    void anAllocationNoEndpointUsesIsALeak() {
        SnapshotBuilder state = new SnapshotBuilder()
                .block(SnapshotBuilder.blockWith(BLOCK, "n1", "h1", 2, POD))
                .affinity("n1", BLOCK, AffinityState.CONFIRMED)
                .handle("h1", BLOCK, 2)
                .endpoint("n1", "p1", "10.0.0.0");
        assertThat(IpamChecker.check(state.build()).problems())
                .containsExactly(new LeakedAddress(IpAddr.parse("10.0.0.1"), Cidr.parse(BLOCK), 1, "h1", POD));
    }

    @Test
    void aTunnelAddressIsALeakOnlyOnceItsNodeIsGone() {
        Map<String, String> tunnel = AllocationAttributes.tunnel("n1", AllocationAttributes.VXLAN_TUNNEL);
        SnapshotBuilder state = new SnapshotBuilder()
                .block(SnapshotBuilder.blockWith(BLOCK, "n1", "vxlan-tunnel-addr-n1", 1, tunnel))
                .affinity("n1", BLOCK, AffinityState.CONFIRMED)
                .handle("vxlan-tunnel-addr-n1", BLOCK, 1)
                .node("n1");
        assertThat(IpamChecker.check(state.build()).isClean()).isTrue();
        assertThat(IpamChecker.check(state.build().withoutNode("n1")).of(LeakedAddress.class)).hasSize(1);
    }

    @Test
    void anEndpointUsingAFreeAddressOfABlockIsReported() {
        IpamReport report = IpamChecker.check(healthy().endpoint("n1", "p9", "10.0.0.9").build());
        assertThat(report.of(InUseButUnallocated.class)).singleElement().satisfies(p -> {
            assertThat(p.address()).isEqualTo(IpAddr.parse("10.0.0.9"));
            assertThat(p.endpoint()).contains("default.p9");
        });
    }
}
