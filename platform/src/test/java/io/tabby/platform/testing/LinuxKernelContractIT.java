package io.tabby.platform.testing;

import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.LinuxIpsetOps;
import io.tabby.platform.firewall.LinuxIptablesOps;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.LinuxNeighOps;
import io.tabby.platform.net.LinuxNetBatchOps;
import io.tabby.platform.net.LinuxRouteOps;
import io.tabby.platform.net.LinuxSysctlOps;
import io.tabby.platform.net.NetNs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The platform contract against the real kernel, inside namespaces this test creates and deletes. */
class LinuxKernelContractIT extends KernelOpsContract {

    private static final ProcessCommandRunner RUNNER = new ProcessCommandRunner();
    private static final LinuxHost HOST = new LinuxHost(RUNNER, System.getenv());
    private static final KernelOps OPS = new KernelOps(new LinuxLinkOps(RUNNER), new LinuxAddrOps(RUNNER),
            new LinuxRouteOps(RUNNER), new LinuxNeighOps(RUNNER), new LinuxSysctlOps(RUNNER),
            new LinuxIptablesOps(RUNNER, IptablesBackend.NFT), new LinuxIptablesOps(RUNNER, IptablesBackend.LEGACY),
            new LinuxIpsetOps(RUNNER), new LinuxNetBatchOps(RUNNER));

    @BeforeAll
    static void requireKernel() {
        HOST.require("ip", "bridge", "nsenter", "sysctl", "iptables-nft-restore", "iptables-legacy-restore",
                "ip6tables-nft-restore", "ipset");
    }

    @AfterEach
    void deleteNamespaces() {
        HOST.deleteAll();
    }

    @AfterAll
    static void deleteLeftovers() {
        HOST.deleteAll();
    }

    @Override
    protected KernelOps ops() {
        return OPS;
    }

    @Override
    protected NetNs newNamespace() {
        return HOST.newNamespace();
    }
}
