package io.tabby.testkit.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.testkit.host.HostRequirements;
import java.net.NetworkInterface;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NetnsLabIT {

    @Test
    void threadsFromTheFactoryLiveInTheNamespaceAndCloseRemovesIt() throws Exception {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("network namespaces");
        host.requirePrograms("apt-get install iproute2", "ip");
        String center;
        try (NetnsLab lab = NetnsLab.create(2)) {
            center = lab.center();
            ExecutorService inside = Executors.newSingleThreadExecutor(NetnsThreads.factory(center, "bgpn-test"));
            try {
                List<String> names = inside.submit(() -> NetworkInterface.networkInterfaces()
                        .map(NetworkInterface::getName).toList()).get(10, TimeUnit.SECONDS);
                assertThat(names).contains("lo", center + "1", center + "2");
            } finally {
                inside.shutdownNow();
            }
            assertThat(NetworkInterface.networkInterfaces().map(NetworkInterface::getName))
                    .doesNotContain(center + "1");
            assertThat(lab.link(2).leafIpv4().getHostAddress()).isEqualTo("10.201.2.2");
        }
        assertThat(HostCommand.run(List.of("ip", "netns", "list"))).doesNotContain(center);
    }
}
