package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.AddrOps;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;
import java.util.List;

/** {@link AddrOps} over a {@link FakeKernel}. */
final class FakeAddrOps implements AddrOps {

    private final FakeKernel kernel;

    FakeAddrOps(FakeKernel kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    @Override
    public List<Address> list(NetNs ns, IpFamily family) {
        synchronized (kernel) {
            return kernel.namespace(ns).addresses.stream().filter(a -> a.prefix().family() == family).toList();
        }
    }

    @Override
    public void add(NetNs ns, List<Address> addresses) {
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            FakeBatch.run("address replace", addresses, address -> {
                FakeBatch.requireDevice(state, address.device());
                // An address is identified by device and address; replacing may change the length.
                state.addresses.removeIf(a -> a.device().equals(address.device())
                        && a.prefix().address().equals(address.prefix().address()));
                state.addresses.add(address);
                kernel.record(ns, "addr replace", address);
            });
        }
    }

    @Override
    public void delete(NetNs ns, List<Address> addresses) {
        synchronized (kernel) {
            FakeNamespace state = kernel.namespace(ns);
            FakeBatch.run("address del", addresses, address -> {
                FakeBatch.requireDevice(state, address.device());
                if (!state.addresses.remove(address)) {
                    throw new FakeBatch.Refused("RTNETLINK answers: Cannot assign requested address");
                }
                kernel.record(ns, "addr del", address);
            });
        }
    }
}
