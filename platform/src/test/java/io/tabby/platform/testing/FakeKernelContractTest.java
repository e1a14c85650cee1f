package io.tabby.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.NetNs;
import org.junit.jupiter.api.Test;

/**
 * The platform contract against the in-memory {@link FakeKernel}, and what only the fake can show:
 * an IPIP device (the development kernel has no ipip module).
 */
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

    @Test
    void ipipDeviceAsTheKernelMakesIt() {
        NetNs ns = newNamespace();
        ops.links().createIpip(ns, "tunl0");
        Link tunl0 = ops.links().get(ns, "tunl0").orElseThrow();
        assertThat(tunl0.kind()).isEqualTo("ipip");
        assertThat(tunl0.mtu()).isEqualTo(1480);
        assertThat(tunl0.mac()).isEmpty();
        assertThat(tunl0.up()).isFalse();
        assertThatThrownBy(() -> ops.links().createIpip(ns, "tunl0")).hasMessageContaining("File exists");
    }
}
