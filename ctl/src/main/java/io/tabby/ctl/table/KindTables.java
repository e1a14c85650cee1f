package io.tabby.ctl.table;

import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpConfigurationResource;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.ResourceKind;
import java.util.List;
import java.util.Optional;

/**
 * Which columns {@code get} shows for each kind, and what goes in them: calicoctl v3's
 * {@code resourcemgr} tables, cell by cell (booleans as {@code true}/{@code false}, an unset
 * encapsulation mode as {@code Never}, an unset BGPConfiguration value as {@code -}, a node that
 * inherits the cluster AS as {@code (64512)}, a peer of every node as {@code (global)}).
 */
public final class KindTables {

    private KindTables() {}

    public static KindTable of(ResourceKind kind) {
        return switch (kind) {
            case IP_POOL -> ipPools();
            case NODE -> nodes();
            case BGP_PEER -> bgpPeers();
            case BGP_CONFIGURATION -> bgpConfigurations();
            case FELIX_CONFIGURATION -> new KindTable(List.of(Column.name()), List.of(Column.name()));
            case NETWORK_POLICY, GLOBAL_NETWORK_POLICY -> PolicyTables.policies();
            case PROFILE -> PolicyTables.profiles();
            case HOST_ENDPOINT -> PolicyTables.hostEndpoints();
            case WORKLOAD_ENDPOINT -> PolicyTables.workloadEndpoints();
        };
    }

    /** As {@link #of(ResourceKind)}, with calicoctl's NAMESPACE column first (for {@code --all-namespaces}). */
    public static KindTable withNamespace(ResourceKind kind) {
        KindTable table = of(kind);
        Column namespace = new Column("NAMESPACE", (resource, context) -> resource.namespace());
        List<Column> ps = new java.util.ArrayList<>(List.of(namespace));
        ps.addAll(table.ps());
        List<Column> wide = new java.util.ArrayList<>(List.of(namespace));
        wide.addAll(table.wide());
        return new KindTable(ps, wide);
    }

    private static KindTable ipPools() {
        Column cidr = Column.of("CIDR", IpPoolResource.class, pool -> pool.spec().cidr());
        Column selector = Column.of("SELECTOR", IpPoolResource.class, pool -> pool.spec().nodeSelector());
        return new KindTable(
                List.of(Column.name(), cidr, selector),
                List.of(Column.name(), cidr,
                        Column.of("NAT", IpPoolResource.class, pool -> Boolean.toString(pool.spec().natOutgoing())),
                        Column.of("IPIPMODE", IpPoolResource.class, pool -> modeOrNever(pool.spec().ipipMode())),
                        Column.of("VXLANMODE", IpPoolResource.class, pool -> modeOrNever(pool.spec().vxlanMode())),
                        Column.of("DISABLED", IpPoolResource.class, pool -> Boolean.toString(pool.spec().disabled())),
                        Column.of("DISABLEBGPEXPORT", IpPoolResource.class,
                                pool -> Boolean.toString(pool.spec().disableBGPExport())),
                        selector));
    }

    private static KindTable nodes() {
        return new KindTable(
                List.of(Column.name()),
                List.of(Column.name(),
                        Column.withContext("ASN", NodeResource.class, KindTables::nodeAsn),
                        Column.of("IPV4", NodeResource.class, node -> bgp(node).map(NodeBgpSpec::ipv4Address).orElse("")),
                        Column.of("IPV6", NodeResource.class, node -> bgp(node).map(NodeBgpSpec::ipv6Address).orElse(""))));
    }

    private static KindTable bgpPeers() {
        List<Column> columns = List.of(Column.name(),
                Column.of("PEERIP", BgpPeerResource.class, peer -> peer.spec().peerIP()),
                Column.of("NODE", BgpPeerResource.class, KindTables::peerNodes),
                // calicoctl prints the spec's AS number as is: 0 when unset (a peerSelector peering).
                Column.of("ASN", BgpPeerResource.class,
                        peer -> peer.spec().asNumber().map(AsNumber::toString).orElse("0")));
        return new KindTable(columns, columns);
    }

    private static KindTable bgpConfigurations() {
        List<Column> columns = List.of(Column.name(),
                Column.of("LOGSEVERITY", BgpConfigurationResource.class, config -> config.spec().logSeverityScreen()),
                Column.of("MESHENABLED", BgpConfigurationResource.class,
                        config -> config.spec().nodeToNodeMeshEnabled().map(String::valueOf).orElse("-")),
                Column.of("ASNUMBER", BgpConfigurationResource.class,
                        config -> config.spec().asNumber().map(AsNumber::toString).orElse("-")));
        return new KindTable(columns, columns);
    }

    private static Optional<NodeBgpSpec> bgp(NodeResource node) {
        return node.spec().bgp();
    }

    /** The node's own AS, or the cluster AS in parentheses when it inherits it; empty without BGP. */
    private static String nodeAsn(NodeResource node, TableContext context) {
        return bgp(node)
                .map(bgp -> bgp.asNumber().map(AsNumber::toString)
                        .orElseGet(() -> "(" + context.globalAsNumber() + ")"))
                .orElse("");
    }

    /** Who peers: the one node, else the node selector, else every node. */
    private static String peerNodes(BgpPeerResource peer) {
        if (!peer.spec().node().isEmpty()) {
            return peer.spec().node();
        }
        return peer.spec().nodeSelector().isEmpty() ? "(global)" : peer.spec().nodeSelector();
    }

    private static String modeOrNever(String mode) {
        return mode.isEmpty() ? IpPoolSpec.NEVER : mode;
    }
}
