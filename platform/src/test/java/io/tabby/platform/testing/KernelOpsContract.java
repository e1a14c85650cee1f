package io.tabby.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.firewall.IptablesChain;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.firewall.IptablesSave;
import io.tabby.platform.firewall.IptablesTable;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.BatchFailedException;
import io.tabby.platform.net.FdbEntry;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.NetChange;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteChange;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteScope;
import io.tabby.platform.net.RouteTables;
import io.tabby.platform.net.RouteType;
import io.tabby.platform.net.SysctlOps;
import io.tabby.platform.net.VxlanSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every backend of the platform ops must share, run against {@link FakeKernel} (unit
 * test) and the real kernel (integration test). Each test makes its own namespaces.
 */
abstract class KernelOpsContract {

    /** The ops under test. */
    protected abstract KernelOps ops();

    /** A fresh, empty namespace that the subclass deletes after the test. */
    protected abstract NetNs newNamespace();

    @Test
    void vethPeerLandsInTheOtherNamespaceAndSettingsStick() {
        NetNs node = newNamespace();
        NetNs pod = newNamespace();
        ops().links().createVeth(node, "cali0123456789a", "eth0", pod);
        ops().links().setMac(node, "cali0123456789a", "ee:ee:ee:ee:ee:ee");
        ops().links().setMtu(node, "cali0123456789a", 1440);
        ops().links().setUp(node, "cali0123456789a");

        Link host = ops().links().get(node, "cali0123456789a").orElseThrow();
        assertThat(host.kind()).isEqualTo("veth");
        assertThat(host.mac()).isEqualTo("ee:ee:ee:ee:ee:ee");
        assertThat(host.mtu()).isEqualTo(1440);
        assertThat(host.up()).isTrue();
        assertThat(ops().links().list(pod)).extracting(Link::name).contains("eth0");
        assertThat(ops().links().list(node)).extracting(Link::name).doesNotContain("eth0");

        ops().links().setDown(node, "cali0123456789a");
        ops().links().rename(node, "cali0123456789a", "calirenamed");
        assertThat(ops().links().get(node, "calirenamed")).get().extracting(Link::up).isEqualTo(false);

        ops().links().delete(node, "calirenamed");
        assertThat(ops().links().get(node, "calirenamed")).isEmpty();
        assertThat(ops().links().list(pod)).extracting(Link::name).doesNotContain("eth0");
    }

    @Test
    void creatingAnExistingLinkFails() {
        NetNs ns = newNamespace();
        ops().links().createVeth(ns, "veth-a", "veth-b", ns);
        assertThatThrownBy(() -> ops().links().createVeth(ns, "veth-a", "veth-c", ns))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("exists");
    }

    @Test
    void addressesAreAddedListedAndDeletedInBatches() {
        NetNs ns = newNamespace();
        upVeth(ns, "veth-a", "veth-b");
        Address v4 = Address.of("veth-a", "10.65.1.1/32");
        Address v6 = Address.of("veth-a", "fd00:65::1/128");
        ops().addrs().add(ns, List.of(v4, v6));
        ops().addrs().add(ns, List.of(v4)); // idempotent

        assertThat(ops().addrs().list(ns, IpFamily.V4)).containsOnlyOnce(v4).doesNotContain(v6);
        assertThat(ops().addrs().list(ns, IpFamily.V6)).contains(v6);

        ops().addrs().delete(ns, List.of(v4, v6));
        assertThat(ops().addrs().list(ns, IpFamily.V4)).doesNotContain(v4);
        assertThat(ops().addrs().list(ns, IpFamily.V6)).doesNotContain(v6);
    }

    @Test
    void aFailedBatchLineDoesNotStopTheOthers() {
        NetNs ns = newNamespace();
        upVeth(ns, "veth-a", "veth-b");
        List<Address> batch = List.of(Address.of("veth-a", "10.65.1.1/32"), Address.of("nosuchdev", "10.65.1.2/32"),
                Address.of("veth-a", "10.65.1.3/32"));

        assertThatThrownBy(() -> ops().addrs().add(ns, batch))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                    assertThat(e.failedLines()).containsExactly(2);
                    assertThat(e.failedItems(batch)).containsExactly(batch.get(1));
                });
        assertThat(ops().addrs().list(ns, IpFamily.V4)).contains(batch.get(0), batch.get(2));
    }

    @Test
    void routesCarryTheirProtocolAndAreListedAndDeletedByIt() {
        NetNs ns = newNamespace();
        upVeth(ns, "cali-a", "cali-b");
        ops().addrs().add(ns, List.of(Address.of("cali-a", "198.51.100.1/24")));
        Route workload = Route.toDevice("10.65.1.1/32", "cali-a", RouteProtocols.FELIX);
        Route remoteBlock = Route.via("10.65.2.0/26", "10.65.2.0", "cali-a", RouteProtocols.FELIX).withOnlink(true);
        Route blackhole = Route.blackhole("10.65.1.0/26", RouteProtocols.BIRD);
        Route policyTable = Route.via("10.65.3.0/26", "198.51.100.2", "cali-a", RouteProtocols.FELIX).inTable(100);
        Route v6 = Route.toDevice("fd00:65::1/128", "cali-a", RouteProtocols.FELIX);
        ops().routes().replace(ns, List.of(workload, remoteBlock, blackhole, policyTable, v6));
        ops().routes().replace(ns, List.of(workload)); // idempotent

        assertThat(ops().routes().list(ns, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, RouteProtocols.FELIX)))
                .containsExactlyInAnyOrder(workload, remoteBlock);
        assertThat(ops().routes().list(ns, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, RouteProtocols.BIRD)))
                .containsExactly(blackhole);
        assertThat(ops().routes().list(ns, RouteFilter.owned(IpFamily.V4, 100, RouteProtocols.FELIX)))
                .containsExactly(policyTable);
        assertThat(ops().routes().list(ns, RouteFilter.owned(IpFamily.V4, RouteTables.ALL, RouteProtocols.FELIX)))
                .containsExactlyInAnyOrder(workload, remoteBlock, policyTable);
        // IPv6 routes have no scope and get the default metric 1024: both backends report that.
        assertThat(ops().routes().list(ns, RouteFilter.owned(IpFamily.V6, RouteTables.MAIN, RouteProtocols.FELIX)))
                .containsExactly(new Route(v6.destination(), RouteType.UNICAST, RouteTables.MAIN, RouteProtocols.FELIX,
                        RouteScope.UNIVERSE, v6.device(), Optional.empty(), false, 1024));

        // A delete must name the owner's protocol: the wrong mark removes nothing.
        assertThatThrownBy(() -> ops().routes().apply(ns, List.of(RouteChange.delete(
                Route.toDevice("10.65.1.1/32", "cali-a", RouteProtocols.BIRD)))))
                .isInstanceOf(BatchFailedException.class);

        List<Route> owned = ops().routes().list(ns, RouteFilter.owned(IpFamily.V4, RouteTables.ALL, RouteProtocols.FELIX));
        ops().routes().delete(ns, owned);
        assertThat(ops().routes().list(ns, RouteFilter.owned(IpFamily.V4, RouteTables.ALL, RouteProtocols.FELIX))).isEmpty();
        assertThat(ops().routes().list(ns, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, RouteProtocols.BIRD)))
                .containsExactly(blackhole);
    }

    @Test
    void vxlanDeviceWithNeighbourAndFdbEntries() {
        NetNs ns = newNamespace();
        upVeth(ns, "underlay", "underlay-peer");
        ops().addrs().add(ns, List.of(Address.of("underlay", "198.51.100.1/24")));
        ops().links().createVxlan(ns, VxlanSpec.calico("vxlan.calico", IpPrefix.parseAddress("198.51.100.1"),
                "underlay", "66:00:00:00:00:01"));
        ops().links().setMtu(ns, "vxlan.calico", 1410);
        ops().links().setUp(ns, "vxlan.calico");
        ops().addrs().add(ns, List.of(Address.of("vxlan.calico", "10.65.1.0/32")));

        Link vxlan = ops().links().get(ns, "vxlan.calico").orElseThrow();
        assertThat(vxlan.kind()).isEqualTo("vxlan");
        assertThat(vxlan.mac()).isEqualTo("66:00:00:00:00:01");
        assertThat(vxlan.mtu()).isEqualTo(1410);

        Neighbour vtep = Neighbour.of("vxlan.calico", "10.65.2.0", "66:00:00:00:00:02");
        FdbEntry fdb = FdbEntry.of("vxlan.calico", "66:00:00:00:00:02", "198.51.100.2");
        ops().neighs().replacePermanent(ns, List.of(vtep));
        ops().neighs().replaceFdb(ns, List.of(fdb));
        Route block = Route.via("10.65.2.0/26", "10.65.2.0", "vxlan.calico", RouteProtocols.FELIX).withOnlink(true);
        ops().routes().replace(ns, List.of(block));

        assertThat(ops().neighs().listPermanent(ns, "vxlan.calico")).containsExactly(vtep);
        assertThat(ops().neighs().listFdb(ns, "vxlan.calico")).containsExactly(fdb);
        assertThat(ops().routes().list(ns, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, RouteProtocols.FELIX)))
                .containsExactly(block);

        ops().neighs().deleteFdb(ns, List.of(fdb));
        ops().neighs().delete(ns, List.of(vtep));
        assertThat(ops().neighs().listFdb(ns, "vxlan.calico")).isEmpty();
        assertThat(ops().neighs().listPermanent(ns, "vxlan.calico")).isEmpty();

        ops().links().delete(ns, "vxlan.calico");
        assertThat(ops().links().get(ns, "vxlan.calico")).isEmpty();
    }

    @Test
    void sysctlsAreWrittenAndReadPerNamespace() {
        NetNs ns = newNamespace();
        upVeth(ns, "cali-a", "cali-b");
        ops().links().createVxlan(ns, new VxlanSpec("vxlan.calico", 4096, 4789, Optional.empty(),
                Optional.empty(), Optional.empty(), false));
        String proxyArp = SysctlOps.interfaceKey("net.ipv4.conf", "cali-a", "proxy_arp");
        String vxlanForwarding = SysctlOps.interfaceKey("net.ipv4.conf", "vxlan.calico", "forwarding");
        ops().sysctls().write(ns, Map.of(proxyArp, "1", "net.ipv4.ip_forward", "1",
                SysctlOps.interfaceKey("net.ipv4.neigh", "cali-a", "proxy_delay"), "0", vxlanForwarding, "1"));

        assertThat(ops().sysctls().read(ns, proxyArp)).isEqualTo("1");
        assertThat(ops().sysctls().read(ns, "net.ipv4.ip_forward")).isEqualTo("1");
        assertThat(ops().sysctls().read(ns, vxlanForwarding)).isEqualTo("1");
        assertThatThrownBy(() -> ops().sysctls().write(ns, Map.of("net.ipv4.conf.nosuchdev.proxy_arp", "1")))
                .isInstanceOf(CommandFailedException.class);
    }

    @Test
    void iptablesRestoreNoflushReplacesOnlyDeclaredChainsNft() {
        iptablesRestoreNoflush(ops().iptablesNft());
    }

    @Test
    void iptablesRestoreNoflushReplacesOnlyDeclaredChainsLegacy() {
        iptablesRestoreNoflush(ops().iptablesLegacy());
    }

    private void iptablesRestoreNoflush(IptablesOps iptables) {
        NetNs ns = newNamespace();
        iptables.restore(ns, IpFamily.V4, """
                *filter
                :cali-FORWARD - [0:0]
                :cali-from-wl-dispatch - [0:0]
                -A cali-FORWARD -m comment --comment "cali:first" -j cali-from-wl-dispatch
                -A cali-from-wl-dispatch -m comment --comment "cali:drop" -j DROP
                -A FORWARD -m comment --comment "cali:hook" -j cali-FORWARD
                COMMIT
                """);
        iptables.restore(ns, IpFamily.V4, """
                *filter
                :cali-from-wl-dispatch - [0:0]
                -A cali-from-wl-dispatch -m comment --comment "cali:accept" -j ACCEPT
                COMMIT
                """);

        Map<String, IptablesChain> chains = IptablesSave.chains(iptables.save(ns, IpFamily.V4, IptablesTable.FILTER),
                IptablesTable.FILTER);
        assertThat(chains.get("cali-FORWARD").rules())
                .containsExactly("-m comment --comment \"cali:first\" -j cali-from-wl-dispatch");
        assertThat(chains.get("cali-from-wl-dispatch").rules())
                .containsExactly("-m comment --comment \"cali:accept\" -j ACCEPT");
        assertThat(chains.get("FORWARD").rules()).containsExactly("-m comment --comment \"cali:hook\" -j cali-FORWARD");
        assertThat(chains.get("FORWARD").builtin()).isTrue();

        assertThatThrownBy(() -> iptables.restore(ns, IpFamily.V4, "*filter\n-A cali-FORWARD -j cali-missing\nCOMMIT\n"))
                .isInstanceOf(CommandFailedException.class);
        assertThat(IptablesSave.chains(iptables.save(ns, IpFamily.V4, IptablesTable.FILTER), IptablesTable.FILTER)
                .get("cali-FORWARD").rules()).hasSize(1);
    }

    @Test
    void aWholeTableRestoreKeepsForeignChainsRulesAndPoliciesNft() {
        wholeTableRestore(ops().iptablesNft());
    }

    @Test
    void aWholeTableRestoreKeepsForeignChainsRulesAndPoliciesLegacy() {
        wholeTableRestore(ops().iptablesLegacy());
    }

    /** Felix's first programming: into a fresh namespace, and beside another program's chains, rules and policy. */
    private void wholeTableRestore(IptablesOps iptables) {
        String felix = """
                *filter
                :cali-FORWARD - [0:0]
                -A cali-FORWARD -m comment --comment "cali:a" -j ACCEPT
                -I FORWARD 1 -m comment --comment "cali:hook" -j cali-FORWARD
                COMMIT
                *nat
                :cali-POSTROUTING - [0:0]
                -A cali-POSTROUTING -m comment --comment "cali:b" -j RETURN
                -I POSTROUTING 1 -m comment --comment "cali:nat" -j cali-POSTROUTING
                COMMIT
                """;
        NetNs fresh = newNamespace();
        iptables.restoreReadingWholeTable(fresh, IpFamily.V4, felix);
        Map<String, IptablesChain> filter = IptablesSave.chains(iptables.save(fresh, IpFamily.V4, IptablesTable.FILTER),
                IptablesTable.FILTER);
        assertThat(filter.get("FORWARD").rules()).containsExactly("-m comment --comment \"cali:hook\" -j cali-FORWARD");
        assertThat(filter.get("FORWARD").policy()).isEqualTo("ACCEPT");
        assertThat(filter.get("cali-FORWARD").rules()).containsExactly("-m comment --comment \"cali:a\" -j ACCEPT");
        assertThat(IptablesSave.chains(iptables.save(fresh, IpFamily.V4, IptablesTable.NAT), IptablesTable.NAT)
                .get("POSTROUTING").rules()).containsExactly("-m comment --comment \"cali:nat\" -j cali-POSTROUTING");

        NetNs shared = newNamespace();
        iptables.restore(shared, IpFamily.V4, """
                *filter
                :FORWARD DROP [0:0]
                :DOCKER - [0:0]
                -A DOCKER -d 172.17.0.2/32 -j ACCEPT
                -A FORWARD -j DOCKER
                COMMIT
                """);
        iptables.restoreReadingWholeTable(shared, IpFamily.V4, felix);
        filter = IptablesSave.chains(iptables.save(shared, IpFamily.V4, IptablesTable.FILTER), IptablesTable.FILTER);
        assertThat(filter.get("FORWARD").policy()).isEqualTo("DROP");
        assertThat(filter.get("FORWARD").rules())
                .containsExactly("-m comment --comment \"cali:hook\" -j cali-FORWARD", "-j DOCKER");
        assertThat(filter.get("DOCKER").rules()).containsExactly("-d 172.17.0.2/32 -j ACCEPT");
        assertThat(filter.get("cali-FORWARD").rules()).containsExactly("-m comment --comment \"cali:a\" -j ACCEPT");
    }

    @Test
    void ip6tablesKeepsItsOwnRuleset() {
        NetNs ns = newNamespace();
        ops().iptablesNft().restore(ns, IpFamily.V6, "*raw\n:cali-PREROUTING - [0:0]\n-A cali-PREROUTING -j ACCEPT\nCOMMIT\n");
        assertThat(IptablesSave.chains(ops().iptablesNft().save(ns, IpFamily.V6, IptablesTable.RAW), IptablesTable.RAW))
                .containsKey("cali-PREROUTING");
        assertThat(IptablesSave.chains(ops().iptablesNft().save(ns, IpFamily.V4, IptablesTable.RAW), IptablesTable.RAW))
                .doesNotContainKey("cali-PREROUTING");
    }

    @Test
    void ipsetRestoreListAndDestroy() {
        NetNs ns = newNamespace();
        ops().ipsets().restore(ns, """
                create cali40all-ipam-pools hash:net family inet
                add cali40all-ipam-pools 10.65.0.0/16
                add cali40all-ipam-pools 10.66.0.0/16
                del cali40all-ipam-pools 10.66.0.0/16
                """);
        assertThat(ops().ipsets().listNames(ns)).containsExactly("cali40all-ipam-pools");
        assertThat(ops().ipsets().members(ns, "cali40all-ipam-pools")).containsExactly("10.65.0.0/16");
        ops().ipsets().restore(ns, "create cali40empty hash:ip family inet\n");
        assertThat(ops().ipsets().saveAll(ns)).isEqualTo(Map.of(
                "cali40all-ipam-pools", Set.of("10.65.0.0/16"), "cali40empty", Set.of()));
        ops().ipsets().destroy(ns, "cali40empty");

        assertThatThrownBy(() -> ops().ipsets().restore(ns, "add cali40nosuchset 10.0.0.0/8\n"))
                .isInstanceOf(CommandFailedException.class);

        ops().ipsets().destroy(ns, "cali40all-ipam-pools");
        assertThat(ops().ipsets().listNames(ns)).isEmpty();
    }

    @Test
    void oneBatchSetsUpAVethPairAcrossNamespaces() {
        NetNs node = newNamespace();
        NetNs pod = newNamespace();
        ops().batch().apply(node, List.of(
                new NetChange.AddVeth("cali0123456789a", "eth0", pod, 1440, Optional.of("ee:ee:ee:ee:ee:ee"),
                        Optional.of("02:11:22:33:44:55")),
                new NetChange.SetUp("cali0123456789a"),
                new NetChange.ReplaceRoute(Route.toDevice("10.65.0.7/32", "cali0123456789a", RouteProtocols.BOOT))));
        ops().batch().apply(pod, List.of(
                new NetChange.SetUp("eth0"),
                new NetChange.AddAddress(Address.of("eth0", "10.65.0.7/32")),
                new NetChange.ReplaceRoute(Route.toDevice("169.254.1.1/32", "eth0", RouteProtocols.BOOT)),
                new NetChange.ReplaceRoute(Route.via("0.0.0.0/0", "169.254.1.1", "eth0", RouteProtocols.BOOT)),
                new NetChange.ReplaceNeighbour(Neighbour.of("eth0", "169.254.1.1", "ee:ee:ee:ee:ee:ee"))));

        Link host = ops().links().get(node, "cali0123456789a").orElseThrow();
        assertThat(host.mac()).isEqualTo("ee:ee:ee:ee:ee:ee");
        assertThat(host.mtu()).isEqualTo(1440);
        assertThat(host.up()).isTrue();
        Link eth0 = ops().links().get(pod, "eth0").orElseThrow();
        assertThat(eth0.mac()).isEqualTo("02:11:22:33:44:55");
        assertThat(eth0.mtu()).isEqualTo(1440);
        assertThat(eth0.up()).isTrue();
        assertThat(ops().addrs().list(pod, IpFamily.V4)).contains(Address.of("eth0", "10.65.0.7/32"));
        assertThat(ops().routes().list(pod, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, RouteProtocols.BOOT)))
                .extracting(route -> route.destination().toString()).contains("169.254.1.1/32", "0.0.0.0/0");
        assertThat(ops().routes().list(node, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, RouteProtocols.BOOT)))
                .extracting(route -> route.destination().toString()).containsExactly("10.65.0.7/32");
        assertThat(ops().neighs().listPermanent(pod, "eth0"))
                .containsExactly(Neighbour.of("eth0", "169.254.1.1", "ee:ee:ee:ee:ee:ee"));
    }

    @Test
    void aBatchStopsAtTheFirstRefusedChange() {
        NetNs ns = newNamespace();
        List<NetChange> batch = List.of(new NetChange.SetUp("nosuchdev"),
                new NetChange.AddVeth("veth-a", "veth-b", ns, 1500, Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> ops().batch().apply(ns, batch))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> assertThat(e.failedLines()).containsExactly(1));
        assertThat(ops().links().get(ns, "veth-a")).isEmpty();
    }

    private void upVeth(NetNs ns, String name, String peer) {
        ops().links().createVeth(ns, name, peer, ns);
        ops().links().setUp(ns, name);
        ops().links().setUp(ns, peer);
    }
}
