package io.tabby.platform.testing;

import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.NetNs;

/** The platform contract against the in-memory {@link FakeKernel}. */
class FakeKernelContractTest extends KernelOpsContract {

    private final FakeKernel kernel = new FakeKernel();
    private final KernelOps ops = new KernelOps(kernel.linkOps(), kernel.addrOps(), kernel.routeOps(), kernel.neighOps(),
            kernel.sysctlOps(), kernel.iptablesOps(IptablesBackend.NFT), kernel.iptablesOps(IptablesBackend.LEGACY),
            kernel.ipsetOps(), kernel.netBatchOps());
    private int namespaces;

    @Override
    protected KernelOps ops() {
        return ops;
    }

    @Override
    protected NetNs newNamespace() {
        NetNs ns = NetNs.named("fake-" + ++namespaces);
        kernel.addNamespace(ns);
        return ns;
    }
}
