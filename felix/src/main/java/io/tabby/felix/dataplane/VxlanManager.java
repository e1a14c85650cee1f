package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import io.tabby.felix.api.DataplaneMessage.VtepUpdate;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.FdbEntry;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.VxlanSpec;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calico's VXLAN dataplane: the {@code vxlan.calico} device (VNI 4096, port 4789, no learning, the
 * node IP as local address on the interface that holds it, MTU of that interface minus 50, the
 * node's tunnel address as a /32) and a permanent neighbour and FDB entry per remote VTEP; the
 * routes through it are the {@link BlockRouteManager}'s. Felix owns the device by its name. Without
 * a local VTEP the device is removed.
 */
final class VxlanManager {
    static final String DEVICE = "vxlan.calico";
    private static final int OVERHEAD = 50;

    private final KernelOps kernel;
    private final String nodeName;
    private Map<String, VtepUpdate> vteps = Map.of();

    VxlanManager(KernelOps kernel, String nodeName) {
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.nodeName = requireNonNull(nodeName, "nodeName is null");
    }

    void setDesired(Map<String, VtepUpdate> newVteps) {
        vteps = Map.copyOf(newVteps);
    }

    /** True when the device has to wait (the interface holding the node IP is not there). */
    boolean apply() {
        VtepUpdate local = vteps.get(nodeName);
        Optional<Link> device = kernel.links().get(kernel.ns(), DEVICE);
        if (local == null) {
            if (device.isPresent()) {
                kernel.links().delete(kernel.ns(), DEVICE);
            }
            return false;
        }
        InetAddress nodeIp = inet(local.nodeIp());
        Optional<Address> parent = kernel.addrs().list(kernel.ns(), IpFamily.V4).stream()
                .filter(a -> a.prefix().address().equals(nodeIp)).findFirst();
        if (parent.isEmpty()) {
            return true;
        }
        Link parentLink = kernel.links().get(kernel.ns(), parent.get().device()).orElseThrow();
        if (device.isEmpty()) {
            kernel.links().createVxlan(kernel.ns(), VxlanSpec.calico(DEVICE, nodeIp, parentLink.name(), local.mac()));
            device = kernel.links().get(kernel.ns(), DEVICE);
        }
        Link link = device.orElseThrow();
        if (!link.mac().equals(local.mac())) {
            kernel.links().setMac(kernel.ns(), DEVICE, local.mac());
        }
        if (link.mtu() != parentLink.mtu() - OVERHEAD) {
            kernel.links().setMtu(kernel.ns(), DEVICE, parentLink.mtu() - OVERHEAD);
        }
        address(local.tunnelIp());
        if (!link.up()) {
            kernel.links().setUp(kernel.ns(), DEVICE);
        }
        neighbours();
        fdb();
        return false;
    }

    private void address(IpAddr tunnelIp) {
        IpPrefix wanted = IpPrefix.host(inet(tunnelIp));
        List<Address> onDevice = kernel.addrs().list(kernel.ns(), IpFamily.V4).stream()
                .filter(a -> a.device().equals(DEVICE)).toList();
        List<Address> stale = onDevice.stream().filter(a -> !a.prefix().equals(wanted)).toList();
        if (!stale.isEmpty()) {
            kernel.addrs().delete(kernel.ns(), stale);
        }
        if (onDevice.stream().noneMatch(a -> a.prefix().equals(wanted))) {
            kernel.addrs().add(kernel.ns(), List.of(new Address(DEVICE, wanted)));
        }
    }

    private void neighbours() {
        Set<Neighbour> wanted = new HashSet<>();
        remotes().forEach(v -> wanted.add(new Neighbour(DEVICE, inet(v.tunnelIp()), v.mac())));
        Set<Neighbour> have = new HashSet<>(kernel.neighs().listPermanent(kernel.ns(), DEVICE));
        List<Neighbour> add = wanted.stream().filter(n -> !have.contains(n)).toList();
        List<Neighbour> remove = have.stream().filter(n -> !wanted.contains(n)).toList();
        if (!remove.isEmpty()) {
            kernel.neighs().delete(kernel.ns(), remove);
        }
        if (!add.isEmpty()) {
            kernel.neighs().replacePermanent(kernel.ns(), add);
        }
    }

    private void fdb() {
        Set<FdbEntry> wanted = new HashSet<>();
        remotes().forEach(v -> wanted.add(new FdbEntry(DEVICE, v.mac(), inet(v.nodeIp()))));
        Set<FdbEntry> have = new HashSet<>(kernel.neighs().listFdb(kernel.ns(), DEVICE));
        List<FdbEntry> add = wanted.stream().filter(e -> !have.contains(e)).toList();
        List<FdbEntry> remove = have.stream().filter(e -> !wanted.contains(e)).toList();
        if (!remove.isEmpty()) {
            kernel.neighs().deleteFdb(kernel.ns(), remove);
        }
        if (!add.isEmpty()) {
            kernel.neighs().replaceFdb(kernel.ns(), add);
        }
    }

    private List<VtepUpdate> remotes() {
        return vteps.values().stream().filter(v -> !v.node().equals(nodeName)).toList();
    }

    private static InetAddress inet(IpAddr ip) {
        return IpPrefix.parseAddress(ip.toString());
    }
}
