package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.EncapMode;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.DataplaneMessage.IpipTunnelUpdate;
import io.tabby.felix.api.DataplaneMessage.RouteUpdate;
import io.tabby.felix.api.DataplaneMessage.VtepUpdate;
import io.tabby.felix.api.IpSetIds;
import io.tabby.felix.api.IpSetKind;
import io.tabby.felix.api.RouteKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The IPAM block routes felix programs, from the confirmed block affinities of every node and the
 * enabled IPv4 pools that hold the blocks:
 * <ul>
 *   <li>VXLAN pool, another node's block: via that node's VXLAN tunnel address; with
 *   {@code vxlan_mode: cross-subnet} and that node's IP inside this node's {@code network_v4}, directly
 *   via its node IP instead;</li>
 *   <li>VXLAN pool, this node's block: a blackhole (no BIRD adds one in VXLAN mode);</li>
 *   <li>IPIP pool, another node's block: via its node IP on {@code tunl0} onlink, or directly under
 *   cross-subnet on the same subnet, as BIRD's IPIP routes are (this kernel has no ipip device, so
 *   felix programs them itself);</li>
 * </ul>
 * plus, when some pool has IPIP, this node's tunnel and the {@code all-hosts-net} set of every
 * node's IP, from which alone {@code cali-INPUT} accepts IPIP packets.
 */
final class BlockRoutes {
    private static final Logger LOG = LogManager.getLogger(BlockRoutes.class);

    private final String nodeName;
    private final boolean programIpip;

    BlockRoutes(String nodeName) {
        this(nodeName, true);
    }

    /** @param programIpip false leaves other nodes' IPIP blocks to BGP (BIRD's {@code krt_tunnel} routes) */
    BlockRoutes(String nodeName, boolean programIpip) {
        this.programIpip = programIpip;
        this.nodeName = requireNonNull(nodeName, "nodeName is null");
    }

    Map<Cidr, RouteUpdate> routes(DatastoreView view, Map<String, VtepUpdate> vteps) {
        Map<Cidr, RouteUpdate> routes = new HashMap<>();
        Optional<Cidr> localSubnet = Optional.ofNullable(view.nodeNetworks.get(nodeName))
                .flatMap(text -> subnet(text, nodeName));
        for (Map.Entry<BlockAffinityKey, BlockAffinity> entry : view.affinities.entrySet()) {
            BlockAffinityKey key = entry.getKey();
            BlockAffinity affinity = entry.getValue();
            if (affinity.isDeleted() || affinity.effectiveState() != AffinityState.CONFIRMED
                    || key.cidr().family() != IpFamily.V4) {
                continue;
            }
            Optional<IpPool> pool = view.pools.values().stream()
                    .filter(p -> !p.disabled() && p.cidr().family() == IpFamily.V4 && p.cidr().contains(key.cidr()))
                    .findFirst();
            if (pool.isEmpty()) {
                continue;
            }
            route(key, pool.get(), view, vteps, localSubnet).ifPresent(r -> routes.put(key.cidr(), r));
        }
        return routes;
    }

    private Optional<RouteUpdate> route(BlockAffinityKey key, IpPool pool, DatastoreView view,
            Map<String, VtepUpdate> vteps, Optional<Cidr> localSubnet) {
        EncapMode vxlan = pool.vxlanMode() == null ? EncapMode.UNSET : pool.vxlanMode();
        EncapMode ipip = pool.effectiveIpipMode();
        boolean local = key.node().equals(nodeName);
        if (vxlan == EncapMode.UNSET && ipip == EncapMode.UNSET) {
            return Optional.empty(); // BGP carries plain routed pools
        }
        if (local) {
            return vxlan == EncapMode.UNSET ? Optional.empty() : Optional.of(RouteUpdate.blackhole(key.cidr(), nodeName));
        }
        if (vxlan == EncapMode.UNSET && !programIpip) {
            return Optional.empty(); // BGP routes IPIP blocks, cross-subnet ones included
        }
        Optional<IpAddr> nodeIp = nodeIp(view, key.node());
        boolean crossSubnet = vxlan == EncapMode.CROSS_SUBNET || vxlan == EncapMode.UNSET && ipip == EncapMode.CROSS_SUBNET;
        if (crossSubnet && nodeIp.isPresent() && localSubnet.map(s -> s.contains(nodeIp.get())).orElse(false)) {
            return Optional.of(RouteUpdate.via(key.cidr(), key.node(), RouteKind.DIRECT, nodeIp.get()));
        }
        if (vxlan != EncapMode.UNSET) {
            return Optional.ofNullable(vteps.get(key.node()))
                    .map(v -> RouteUpdate.via(key.cidr(), key.node(), RouteKind.VXLAN, v.tunnelIp()));
        }
        return nodeIp.map(ip -> RouteUpdate.via(key.cidr(), key.node(), RouteKind.IPIP, ip));
    }

    /** This node's IPIP tunnel, when some enabled IPv4 pool has IPIP. */
    Map<String, IpipTunnelUpdate> ipipTunnels(DatastoreView view) {
        if (!ipipOn(view)) {
            return Map.of();
        }
        Optional<IpAddr> address = Optional.ofNullable(view.ipipTunnelAddrs.get(nodeName))
                .flatMap(text -> VxlanCalculator.address(text, nodeName, DatastoreView.IPIP_TUNNEL_ADDR));
        return Map.of(nodeName, new IpipTunnelUpdate(nodeName, address));
    }

    /** {@code all-hosts-net}: every node's IP, when some enabled IPv4 pool has IPIP. */
    Optional<IpSetUpdate> allHosts(DatastoreView view) {
        if (!ipipOn(view)) {
            return Optional.empty();
        }
        Set<String> hosts = new HashSet<>();
        view.nodeIps.keySet().forEach(node -> nodeIp(view, node).ifPresent(ip -> hosts.add(ip + "/32")));
        return Optional.of(new IpSetUpdate(IpSetIds.ALL_HOSTS_NET, IpSetKind.HASH_NET, hosts));
    }

    private static boolean ipipOn(DatastoreView view) {
        return view.pools.values().stream().anyMatch(p -> !p.disabled() && p.cidr().family() == IpFamily.V4
                && p.effectiveIpipMode() != EncapMode.UNSET);
    }

    private static Optional<IpAddr> nodeIp(DatastoreView view, String node) {
        return Optional.ofNullable(view.nodeIps.get(node)).flatMap(ip -> VxlanCalculator.address(ip, node, "bird_ip"));
    }

    private static Optional<Cidr> subnet(String text, String node) {
        try {
            Cidr cidr = Cidr.parse(text.strip());
            return cidr.family() == IpFamily.V4 ? Optional.of(cidr) : Optional.empty();
        } catch (IllegalArgumentException e) {
            LOG.warn("node {}: network_v4 {} is not an IPv4 CIDR; CrossSubnet routes go through the tunnel", node, text);
            return Optional.empty();
        }
    }
}
