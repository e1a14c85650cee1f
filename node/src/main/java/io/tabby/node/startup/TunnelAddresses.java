package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.path.HostConfigKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.selector.Selector;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.Ipam;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps the node's tunnel addresses as calico/node's {@code allocate-ipip-addr} does, for IPIP
 * ({@code IpInIpTunnelAddr}) and VXLAN ({@code IPv4VXLANTunnelAddr} plus {@code VXLANTunnelMACAddr}):
 * when an enabled IPv4 pool that selects this node needs the tunnel, the stored address is kept if
 * it is still in such a pool and held by the handle ({@code ipip-tunnel-addr-<node>},
 * {@code vxlan-tunnel-addr-<node>}), else one is allocated through IPAM; when no pool needs it, the
 * address is released and the key removed.
 */
public final class TunnelAddresses {
    private static final Logger LOG = LogManager.getLogger(TunnelAddresses.class);
    private final Backend backend;
    private final ResourceClient resources;
    private final Ipam ipam;
    private final String node;

    public TunnelAddresses(Backend backend, ResourceClient resources, Ipam ipam, String node) {
        this.backend = requireNonNull(backend, "backend is null");
        this.resources = requireNonNull(resources, "resources is null");
        this.ipam = requireNonNull(ipam, "ipam is null");
        this.node = requireNonNull(node, "node is null");
    }

    /** Brings both tunnel addresses in line with the current pools. */
    public void reconcile() {
        Map<String, String> labels = backend.get(new HostMetadataKey(node).path())
                .map(kv -> ValueCodec.INSTANCE.decode(new HostMetadataKey(node), kv.value()))
                .map(HostMetadata::labels).orElse(Map.of());
        List<IpPoolSpec> pools = resources.list(ResourceKind.IP_POOL).items().stream()
                .map(r -> ((IpPoolResource) r).spec())
                .filter(p -> !p.cidr().contains(":"))
                .filter(p -> Selector.parse(p.nodeSelector().isEmpty() ? IpPoolSpec.ALL_NODES : p.nodeSelector())
                        .matches(labels))
                .toList();
        for (TunnelKind kind : TunnelKind.values()) {
            List<Cidr> needing = pools.stream().filter(kind::neededBy).map(p -> Cidr.parse(p.cidr())).toList();
            if (needing.isEmpty()) {
                release(kind);
            } else {
                ensure(kind, needing);
            }
        }
    }

    private void ensure(TunnelKind kind, List<Cidr> pools) {
        String path = new HostConfigKey(node, kind.configName()).path();
        String handle = kind.handle(node);
        Optional<IpAddr> current = backend.get(path).map(KeyValue::value).flatMap(TunnelAddresses::parse);
        List<IpAddr> held = ipam.ipsByHandle(handle);
        if (current.isPresent() && held.contains(current.get())
                && pools.stream().anyMatch(p -> p.contains(current.get()))) {
            LOG.debug("{} {} is still valid", kind.configName(), current.get());
        } else {
            if (!held.isEmpty()) {
                ipam.releaseByHandle(handle);
            }
            AssignResult result = ipam.autoAssign(new AssignRequest(1, 0, handle,
                    AllocationAttributes.tunnel(node, kind.allocationType()), node, pools, List.of()));
            if (result.ipv4().isEmpty()) {
                throw new StartupException("no free address for node " + node + "'s " + kind.configName()
                        + " in pool(s) " + pools + "; add addresses to the pool or free some");
            }
            IpAddr address = result.ipv4().getFirst();
            backend.put(path, address.toString());
            LOG.info("allocated {} {} from pool(s) {} (handle {})", kind.configName(), address, pools, handle);
        }
        if (kind == TunnelKind.VXLAN) {
            String macPath = new HostConfigKey(node, TunnelKind.VXLAN_MAC).path();
            if (backend.get(macPath).isEmpty()) {
                backend.put(macPath, vxlanMac(node));
            }
        }
    }

    private void release(TunnelKind kind) {
        String handle = kind.handle(node);
        List<IpAddr> released = ipam.releaseByHandle(handle);
        String path = new HostConfigKey(node, kind.configName()).path();
        Optional<KeyValue> stored = backend.get(path);
        stored.ifPresent(kv -> backend.delete(path, kv.modRevision()));
        if (kind == TunnelKind.VXLAN) {
            String macPath = new HostConfigKey(node, TunnelKind.VXLAN_MAC).path();
            backend.get(macPath).ifPresent(kv -> backend.delete(macPath, kv.modRevision()));
        }
        if (!released.isEmpty() || stored.isPresent()) {
            LOG.info("no pool needs node {}'s {} any more: released {} and removed {}", node, kind.configName(),
                    released, path);
        }
    }

    private static Optional<IpAddr> parse(String text) {
        try {
            return Optional.of(IpAddr.parse(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Felix's default VXLAN MAC for a node: byte 0x66, then the first 5 bytes of SHA-1(node name). */
    static String vxlanMac(String node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(node.getBytes(StandardCharsets.UTF_8));
            byte[] mac = new byte[6];
            mac[0] = 0x66;
            System.arraycopy(digest, 0, mac, 1, 5);
            return HexFormat.ofDelimiter(":").formatHex(mac);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
