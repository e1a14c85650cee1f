package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import io.tabby.felix.api.DataplaneMessage.IpipTunnelUpdate;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.Link;
import java.util.List;
import java.util.Optional;

/**
 * Calico's IPIP device: while IPIP is on, {@code tunl0} exists (felix adds it when loading the
 * {@code ipip} module has not), is up, has MTU 1440 ({@code IpInIpMtu}) and holds exactly this
 * node's tunnel address as a /32 (none when the node has no {@code IpInIpTunnelAddr}). When IPIP is
 * turned off felix takes its addresses off {@code tunl0} and leaves the device, which the kernel
 * does not let anyone delete.
 */
final class IpipManager {
    static final String DEVICE = "tunl0";
    static final int MTU = 1440;

    private final KernelOps kernel;
    private Optional<IpipTunnelUpdate> desired = Optional.empty();

    IpipManager(KernelOps kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    void setDesired(Optional<IpipTunnelUpdate> tunnel) {
        desired = requireNonNull(tunnel, "tunnel is null");
    }

    /** Never waits: a kernel that refuses {@code tunl0} throws, and the step is retried. */
    boolean apply() {
        Optional<Link> device = kernel.links().get(kernel.ns(), DEVICE);
        if (desired.isEmpty()) {
            device.ifPresent(d -> address(Optional.empty()));
            return false;
        }
        if (device.isEmpty()) {
            kernel.links().createIpip(kernel.ns(), DEVICE);
            device = kernel.links().get(kernel.ns(), DEVICE);
        }
        Link link = device.orElseThrow();
        if (link.mtu() != MTU) {
            kernel.links().setMtu(kernel.ns(), DEVICE, MTU);
        }
        address(desired.get().address());
        if (!link.up()) {
            kernel.links().setUp(kernel.ns(), DEVICE);
        }
        return false;
    }

    private void address(Optional<IpAddr> tunnelIp) {
        Optional<IpPrefix> wanted = tunnelIp.map(ip -> IpPrefix.host(IpPrefix.parseAddress(ip.toString())));
        List<Address> onDevice = kernel.addrs().list(kernel.ns(), IpFamily.V4).stream()
                .filter(a -> a.device().equals(DEVICE)).toList();
        List<Address> stale = onDevice.stream().filter(a -> wanted.map(w -> !a.prefix().equals(w)).orElse(true))
                .toList();
        if (!stale.isEmpty()) {
            kernel.addrs().delete(kernel.ns(), stale);
        }
        if (wanted.isPresent() && onDevice.stream().noneMatch(a -> a.prefix().equals(wanted.get()))) {
            kernel.addrs().add(kernel.ns(), List.of(new Address(DEVICE, wanted.get())));
        }
    }
}
