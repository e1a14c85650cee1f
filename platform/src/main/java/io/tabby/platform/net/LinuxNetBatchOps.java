package io.tabby.platform.net;

import io.tabby.platform.exec.CommandRunner;
import java.util.List;

/** {@link NetBatchOps} as one {@code ip -batch -} (without {@code -force}: it stops at the first failed line). */
public final class LinuxNetBatchOps implements NetBatchOps {

    private final IpRoute2 ip;

    public LinuxNetBatchOps(CommandRunner runner) {
        this.ip = new IpRoute2(runner);
    }

    @Override
    public void apply(NetNs ns, List<NetChange> changes) {
        ip.batchUntilFailure(ns, changes.stream().map(LinuxNetBatchOps::line).toList());
    }

    /** One {@code ip -batch} line (without the leading {@code ip}). */
    static String line(NetChange change) {
        return switch (change) {
            case NetChange.AddVeth veth -> {
                StringBuilder line = new StringBuilder("link add name ").append(veth.name())
                        .append(" mtu ").append(veth.mtu());
                veth.mac().ifPresent(mac -> line.append(" address ").append(mac));
                line.append(" type veth peer name ").append(veth.peerName()).append(" mtu ").append(veth.mtu());
                veth.peerMac().ifPresent(mac -> line.append(" address ").append(mac));
                line.append(" netns ").append(NamespaceArgv.linkTarget(veth.peerNs()));
                yield line.toString();
            }
            case NetChange.SetUp up -> "link set dev " + up.device() + " up";
            case NetChange.AddAddress add -> LinuxAddrOps.lines("address replace", List.of(add.address())).getFirst();
            case NetChange.ReplaceRoute route -> LinuxRouteOps.line(RouteChange.replace(route.route()));
            case NetChange.ReplaceNeighbour neigh -> LinuxNeighOps.replaceLine(neigh.neighbour());
        };
    }
}
