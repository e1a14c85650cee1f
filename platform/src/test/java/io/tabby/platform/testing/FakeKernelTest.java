package io.tabby.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.firewall.IptablesSave;
import io.tabby.platform.firewall.IptablesTable;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the fake does beyond the shared contract: deltas, namespace lifecycle, the restore subset. */
class FakeKernelTest {

    private final FakeKernel kernel = new FakeKernel();
    private final NetNs node = NetNs.named("node");
    private final NetNs pod = NetNs.named("pod");

    @Test
    void recordsEveryAppliedChangeAndNothingForReads() {
        kernel.addNamespace(node);
        kernel.linkOps().createVeth(node, "cali1", "eth0", node);
        kernel.routeOps().replace(node, List.of(Route.toDevice("10.65.1.1/32", "cali1", RouteProtocols.FELIX)));
        kernel.routeOps().list(node, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, RouteProtocols.FELIX));

        assertThat(kernel.deltas()).extracting(KernelDelta::operation).containsExactly("link add", "route replace");
        kernel.clearDeltas();
        assertThat(kernel.deltas()).isEmpty();
    }

    @Test
    void deletingALinkTakesItsAddressesRoutesAndPeerAlong() {
        kernel.addNamespace(node).addNamespace(pod);
        kernel.linkOps().createVeth(node, "cali1", "eth0", pod);
        kernel.addrOps().add(pod, List.of(Address.of("eth0", "10.65.1.1/32")));
        kernel.routeOps().replace(node, List.of(Route.toDevice("10.65.1.1/32", "cali1", RouteProtocols.BOOT)));

        kernel.linkOps().delete(pod, "eth0");

        assertThat(kernel.linkOps().list(node)).extracting(Link::name).containsExactly("lo");
        assertThat(kernel.addrOps().list(pod, IpFamily.V4)).isEmpty();
        assertThat(kernel.routeOps().list(node, RouteFilter.table(IpFamily.V4, RouteTables.ALL))).isEmpty();
    }

    @Test
    void deletingANamespaceRemovesVethPeersElsewhere() {
        kernel.addNamespace(node).addNamespace(pod);
        kernel.linkOps().createVeth(node, "cali1", "eth0", pod);

        kernel.deleteNamespace(pod);

        assertThat(kernel.namespaces()).containsExactlyInAnyOrder(NetNs.root(), node);
        assertThat(kernel.linkOps().get(node, "cali1")).isEmpty();
        assertThatThrownBy(() -> kernel.linkOps().list(pod)).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("Cannot open network namespace");
    }

    @Test
    void renamingKeepsTheVethPairTogether() {
        kernel.addNamespace(pod);
        kernel.linkOps().createVeth(NetNs.root(), "tmp1234", "eth0", pod);
        kernel.linkOps().rename(NetNs.root(), "tmp1234", "cali1");

        kernel.linkOps().delete(pod, "eth0");

        assertThat(kernel.linkOps().get(NetNs.root(), "cali1")).isEmpty();
    }

    @Test
    void iptablesRestoreSupportsInsertDeleteReplaceAndChainLifecycle() {
        kernel.addNamespace(node);
        IptablesOps nft = kernel.iptablesOps(IptablesBackend.NFT);
        nft.restore(node, IpFamily.V4, """
                *filter
                -N cali-a
                -A cali-a -j ACCEPT
                -I cali-a -j DROP
                -I cali-a 2 -j RETURN
                -R cali-a 3 -m comment --comment "cali:x" -j ACCEPT
                -A INPUT -j cali-a
                -P FORWARD DROP
                COMMIT
                """);
        assertThat(IptablesSave.chains(nft.save(node, IpFamily.V4, IptablesTable.FILTER), IptablesTable.FILTER)
                .get("cali-a").rules()).containsExactly("-j DROP", "-j RETURN", "-m comment --comment \"cali:x\" -j ACCEPT");

        assertThatThrownBy(() -> nft.restore(node, IpFamily.V4, "*filter\n-F cali-a\n-X cali-a\nCOMMIT\n"))
                .hasMessageContaining("still referenced");
        nft.restore(node, IpFamily.V4, "*filter\n-D INPUT -j cali-a\n-F cali-a\n-X cali-a\nCOMMIT\n");
        String save = nft.save(node, IpFamily.V4, IptablesTable.FILTER);
        assertThat(IptablesSave.chains(save, IptablesTable.FILTER)).doesNotContainKey("cali-a");
        assertThat(IptablesSave.chains(save, IptablesTable.FILTER).get("FORWARD").policy()).isEqualTo("DROP");
        assertThat(kernel.iptablesOps(IptablesBackend.LEGACY).save(node, IpFamily.V4, IptablesTable.FILTER))
                .doesNotContain("DROP");
    }

    @Test
    void aFailedTableLeavesItUntouchedAndAMissingCommitIsRefused() {
        IptablesOps nft = kernel.iptablesOps(IptablesBackend.NFT);
        assertThatThrownBy(() -> nft.restore(NetNs.root(), IpFamily.V4, "*filter\n:cali-x - [0:0]\n-A cali-x -j nope\nCOMMIT\n"))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("line 3 failed");
        assertThat(nft.save(NetNs.root(), IpFamily.V4, IptablesTable.FILTER)).doesNotContain("cali-x");
        assertThatThrownBy(() -> nft.restore(NetNs.root(), IpFamily.V4, "*filter\n:cali-x - [0:0]\n"))
                .hasMessageContaining("COMMIT expected");
    }

    @Test
    void ipsetSwapAndDuplicateAdds() {
        kernel.ipsetOps().restore(NetNs.root(), "create a hash:ip\ncreate b hash:ip\nadd a 10.0.0.1\nadd b 10.0.0.2\nswap a b\n");
        assertThat(kernel.ipsetOps().members(NetNs.root(), "a")).containsExactly("10.0.0.2");
        assertThatThrownBy(() -> kernel.ipsetOps().restore(NetNs.root(), "add a 10.0.0.2\n"))
                .hasMessageContaining("already added");
    }

    @Test
    void sysctlsMustBeWrittenBeforeTheyAreRead() {
        assertThatThrownBy(() -> kernel.sysctlOps().read(NetNs.root(), "net.ipv4.ip_forward"))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("only knows keys written");
    }
}
