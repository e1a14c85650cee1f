package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.net.BatchFailedException;
import io.tabby.platform.net.NetBatchOps;
import io.tabby.platform.net.NetChange;
import io.tabby.platform.net.NetNs;
import java.util.List;

/**
 * {@link NetBatchOps} on a {@link FakeKernel}: each change through the fake's own views, under
 * the kernel lock, stopping at the first refusal as {@code ip -batch} without {@code -force} does.
 */
final class FakeNetBatchOps implements NetBatchOps {

    private final FakeKernel kernel;

    FakeNetBatchOps(FakeKernel kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    @Override
    public void apply(NetNs ns, List<NetChange> changes) {
        synchronized (kernel) {
            for (int i = 0; i < changes.size(); i++) {
                try {
                    apply(ns, changes.get(i));
                } catch (CommandFailedException e) {
                    throw new BatchFailedException(FakeKernel.result("batch",
                            e.result().stderr().strip() + "\nCommand failed -:" + (i + 1) + "\n"));
                }
            }
        }
    }

    private void apply(NetNs ns, NetChange change) {
        switch (change) {
            case NetChange.AddVeth veth -> {
                kernel.linkOps().createVeth(ns, veth.name(), veth.peerName(), veth.peerNs());
                kernel.linkOps().setMtu(ns, veth.name(), veth.mtu());
                kernel.linkOps().setMtu(veth.peerNs(), veth.peerName(), veth.mtu());
                veth.mac().ifPresent(mac -> kernel.linkOps().setMac(ns, veth.name(), mac));
                veth.peerMac().ifPresent(mac -> kernel.linkOps().setMac(veth.peerNs(), veth.peerName(), mac));
            }
            case NetChange.SetUp up -> kernel.linkOps().setUp(ns, up.device());
            case NetChange.AddAddress add -> kernel.addrOps().add(ns, List.of(add.address()));
            case NetChange.ReplaceRoute route -> kernel.routeOps().replace(ns, List.of(route.route()));
            case NetChange.ReplaceNeighbour neigh -> kernel.neighOps().replacePermanent(ns, List.of(neigh.neighbour()));
        }
    }
}
