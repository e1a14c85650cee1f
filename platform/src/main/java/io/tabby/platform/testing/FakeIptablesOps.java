package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.firewall.IptablesTable;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;

/** {@link IptablesOps} of one backend over a {@link FakeKernel}; see {@link FakeIptablesRestore} for the payload subset. */
final class FakeIptablesOps implements IptablesOps {

    private final FakeKernel kernel;
    private final IptablesBackend backend;

    FakeIptablesOps(FakeKernel kernel, IptablesBackend backend) {
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.backend = requireNonNull(backend, "backend is null");
    }

    @Override
    public String save(NetNs ns, IpFamily family, IptablesTable table) {
        synchronized (kernel) {
            return tableOf(kernel.namespace(ns), family, table).render();
        }
    }

    @Override
    public void restore(NetNs ns, IpFamily family, String payload) {
        requireNonNull(payload, "payload is null");
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            try {
                FakeIptablesRestore.apply(payload, table -> tableOf(state, family, table),
                        committed -> state.iptables.put(key(family, committed.table), committed));
            } catch (FakeIptablesRestore.Failed e) {
                throw FakeKernel.fail(backend.program(family, "restore"), e.getMessage());
            }
            kernel.record(ns, backend.program(family, "restore"), payload);
        }
    }

    private FakeIptablesTable tableOf(FakeNamespace state, IpFamily family, IptablesTable table) {
        return state.iptables.computeIfAbsent(key(family, table), k -> new FakeIptablesTable(table));
    }

    private String key(IpFamily family, IptablesTable table) {
        return backend + "/" + family + "/" + table;
    }
}
