package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.EncapMode;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.felix.api.DataplaneMessage.VtepUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * VXLAN tunnel endpoints, as Calico felix 3.7+ makes them, when some IPv4 pool has a
 * {@code vxlan_mode}: one for every node with a node IP ({@code bird_ip}) and a VXLAN tunnel
 * address. The routes through them are {@link BlockRoutes}'.
 */
final class VxlanCalculator {
    private static final Logger LOG = LogManager.getLogger(VxlanCalculator.class);

    private final String nodeName;

    VxlanCalculator(String nodeName) {
        this.nodeName = requireNonNull(nodeName, "nodeName is null");
    }

    Map<String, VtepUpdate> vteps(DatastoreView view) {
        Map<String, VtepUpdate> vteps = new HashMap<>();
        if (vxlanPools(view).isEmpty()) {
            return vteps;
        }
        view.vxlanTunnelAddrs.forEach((node, tunnel) -> {
            Optional<IpAddr> tunnelIp = address(tunnel, node, "IPv4VXLANTunnelAddr");
            Optional<IpAddr> nodeIp = Optional.ofNullable(view.nodeIps.get(node))
                    .flatMap(ip -> address(ip, node, "bird_ip"));
            if (tunnelIp.isPresent() && nodeIp.isPresent()) {
                String mac = view.vxlanMacs.getOrDefault(node, derivedMac(node));
                vteps.put(node, new VtepUpdate(node, tunnelIp.get(), mac, nodeIp.get()));
            }
        });
        return vteps;
    }

    /**
     * Calico's MAC for a node's VXLAN device when none is configured: {@code 66} and then the
     * first five bytes of SHA-1 of the node name (locally administered, unicast).
     */
    static String derivedMac(String node) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-1").digest(node.getBytes(StandardCharsets.UTF_8));
            byte[] mac = new byte[6];
            mac[0] = 0x66;
            System.arraycopy(sum, 0, mac, 1, 5);
            return HexFormat.ofDelimiter(":").formatHex(mac);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }

    private static List<Cidr> vxlanPools(DatastoreView view) {
        return view.pools.values().stream()
                .filter(p -> p.cidr().family() == IpFamily.V4 && !p.disabled() && vxlan(p))
                .map(IpPool::cidr).toList();
    }

    private static boolean vxlan(IpPool pool) {
        return pool.vxlanMode() == EncapMode.ALWAYS || pool.vxlanMode() == EncapMode.CROSS_SUBNET;
    }

    static Optional<IpAddr> address(String text, String node, String what) {
        try {
            String plain = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
            IpAddr ip = IpAddr.parse(plain.strip());
            return ip.family() == IpFamily.V4 ? Optional.of(ip) : Optional.empty();
        } catch (IllegalArgumentException e) {
            LOG.warn("node {}: {} {} is not an IPv4 address; it is left out of tunnels and routes", node, what, text);
            return Optional.empty();
        }
    }
}
