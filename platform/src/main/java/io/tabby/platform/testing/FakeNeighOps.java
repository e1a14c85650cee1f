package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.FdbEntry;
import io.tabby.platform.net.NeighOps;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.NetNs;
import java.util.List;

/** {@link NeighOps} over a {@link FakeKernel}; entries are keyed by device and address (FDB: device and MAC). */
final class FakeNeighOps implements NeighOps {

    private final FakeKernel kernel;

    FakeNeighOps(FakeKernel kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    @Override
    public List<Neighbour> listPermanent(NetNs ns, String device) {
        synchronized (kernel) {
            return kernel.namespace(ns).neighbours.stream().filter(n -> n.device().equals(device)).toList();
        }
    }

    @Override
    public void replacePermanent(NetNs ns, List<Neighbour> neighbours) {
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            FakeBatch.run("neigh replace", neighbours, n -> {
                FakeBatch.requireDevice(state, n.device());
                state.neighbours.removeIf(e -> e.device().equals(n.device()) && e.address().equals(n.address()));
                state.neighbours.add(n);
                kernel.record(ns, "neigh replace", n);
            });
        }
    }

    @Override
    public void delete(NetNs ns, List<Neighbour> neighbours) {
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            FakeBatch.run("neigh del", neighbours, n -> {
                FakeBatch.requireDevice(state, n.device());
                if (!state.neighbours.removeIf(e -> e.device().equals(n.device()) && e.address().equals(n.address()))) {
                    throw new FakeBatch.Refused("RTNETLINK answers: No such file or directory");
                }
                kernel.record(ns, "neigh del", n);
            });
        }
    }

    @Override
    public List<FdbEntry> listFdb(NetNs ns, String device) {
        synchronized (kernel) {
            return kernel.namespace(ns).fdb.stream().filter(f -> f.device().equals(device)).toList();
        }
    }

    @Override
    public void replaceFdb(NetNs ns, List<FdbEntry> entries) {
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            FakeBatch.run("fdb replace", entries, f -> {
                FakeBatch.requireDevice(state, f.device());
                state.fdb.removeIf(e -> e.device().equals(f.device()) && e.mac().equals(f.mac()));
                state.fdb.add(f);
                kernel.record(ns, "fdb replace", f);
            });
        }
    }

    @Override
    public void deleteFdb(NetNs ns, List<FdbEntry> entries) {
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            FakeBatch.run("fdb del", entries, f -> {
                FakeBatch.requireDevice(state, f.device());
                if (!state.fdb.remove(f)) {
                    throw new FakeBatch.Refused("RTNETLINK answers: No such file or directory");
                }
                kernel.record(ns, "fdb del", f);
            });
        }
    }
}
