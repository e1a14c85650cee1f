package io.tabby.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.testing.FakeKernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSysctlOpsTest {

    @TempDir
    Path procSys;

    private final FakeKernel kernel = new FakeKernel().addNamespace(NetNs.named("pod"));

    @Test
    void theOwnNamespaceIsWrittenThroughTheFilesDottedOrSlashed() throws IOException {
        Files.createDirectories(procSys.resolve("net/ipv4/conf/cali1"));
        Files.createDirectories(procSys.resolve("net/ipv4/conf/vxlan.calico"));
        Files.writeString(procSys.resolve("net/ipv4/conf/cali1/proxy_arp"), "0\n");
        Files.writeString(procSys.resolve("net/ipv4/conf/vxlan.calico/forwarding"), "0\n");
        ProcSysctlOps sysctls = new ProcSysctlOps(procSys, kernel.sysctlOps());

        sysctls.write(NetNs.root(), Map.of("net.ipv4.conf.cali1.proxy_arp", "1",
                SysctlOps.interfaceKey("net.ipv4.conf", "vxlan.calico", "forwarding"), "1"));

        assertThat(sysctls.read(NetNs.root(), "net.ipv4.conf.cali1.proxy_arp")).isEqualTo("1");
        assertThat(Files.readString(procSys.resolve("net/ipv4/conf/vxlan.calico/forwarding"))).isEqualTo("1\n");
    }

    @Test
    void anotherNamespaceGoesToTheDelegate() {
        ProcSysctlOps sysctls = new ProcSysctlOps(procSys, kernel.sysctlOps());

        sysctls.write(NetNs.named("pod"), Map.of("net.ipv4.ip_forward", "1"));

        assertThat(kernel.sysctlOps().read(NetNs.named("pod"), "net.ipv4.ip_forward")).isEqualTo("1");
    }

    @Test
    void aMissingInterfaceAndABadKeyAreErrorsNamingTheKey() {
        ProcSysctlOps sysctls = new ProcSysctlOps(procSys, kernel.sysctlOps());

        assertThatThrownBy(() -> sysctls.write(NetNs.root(), Map.of("net.ipv4.conf.nosuch.proxy_arp", "1")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("net.ipv4.conf.nosuch.proxy_arp");
        assertThatThrownBy(() -> sysctls.write(NetNs.root(), Map.of("../etc/passwd", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
