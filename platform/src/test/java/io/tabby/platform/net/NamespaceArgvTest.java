package io.tabby.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceArgvTest {

    @Test
    void iproute2UsesDashNForNamedAndNsenterForPaths() {
        assertThat(NamespaceArgv.iproute2(NetNs.root(), "ip", List.of("link", "show")))
                .containsExactly("ip", "link", "show");
        assertThat(NamespaceArgv.iproute2(NetNs.named("n1"), "bridge", List.of("fdb", "show")))
                .containsExactly("bridge", "-n", "n1", "fdb", "show");
        assertThat(NamespaceArgv.iproute2(NetNs.path("/proc/42/ns/net"), "ip", List.of("link", "show")))
                .containsExactly("nsenter", "--net=/proc/42/ns/net", "ip", "link", "show");
    }

    @Test
    void otherToolsRunUnderIpNetnsExecOrNsenter() {
        assertThat(NamespaceArgv.exec(NetNs.root(), List.of("sysctl", "-n", "net.ipv4.ip_forward")))
                .containsExactly("sysctl", "-n", "net.ipv4.ip_forward");
        assertThat(NamespaceArgv.exec(NetNs.named("n1"), List.of("ipset", "list", "-n")))
                .containsExactly("ip", "netns", "exec", "n1", "ipset", "list", "-n");
        assertThat(NamespaceArgv.exec(NetNs.path("/var/run/netns/x"), List.of("ipset", "list", "-n")))
                .containsExactly("nsenter", "--net=/var/run/netns/x", "ipset", "list", "-n");
    }

    @Test
    void namesAndPathsAreValidated() {
        assertThatThrownBy(() -> NetNs.named("a/b")).hasMessageContaining("NetNs.path");
        assertThatThrownBy(() -> NetNs.path("relative")).hasMessageContaining("absolute");
    }
}
