package io.tabby.bird.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.LinuxRouteOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteTables;
import io.tabby.testkit.host.HostRequirements;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kernel protocol against a real kernel table, in a namespace of its own. */
class KernelTableSyncIT {

    private static final String NS = "bgpc-kt";

    private boolean created;

    @BeforeEach
    void namespace() throws Exception {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("routes are written to a network namespace");
        host.requirePrograms("apt-get install iproute2", "ip");
        ip("netns", "add", NS);
        created = true;
        ip("-n", NS, "link", "set", "lo", "up");
        ip("-n", NS, "link", "add", "bgpc-k0", "type", "veth", "peer", "name", "bgpc-k1");
        ip("-n", NS, "addr", "add", "192.0.2.1/24", "dev", "bgpc-k0");
        ip("-n", NS, "link", "set", "bgpc-k0", "up");
        ip("-n", NS, "link", "set", "bgpc-k1", "up");
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        if (created) {
            ip("netns", "del", NS);
        }
    }

    @Test
    void routesShowAsProtoBirdAndStaleOnesGoOnlyAfterSync() throws Exception {
        ip("-n", NS, "route", "add", "10.65.9.0/26", "via", "192.0.2.9", "proto", "bird");
        ip("-n", NS, "route", "add", "10.65.1.5/32", "dev", "bgpc-k0");
        KernelTableSync sync = new KernelTableSync(new LinuxRouteOps(new ProcessCommandRunner()),
                new KernelSettings(NetNs.named(NS), IpFamily.V4, RouteTables.MAIN, RouteProtocols.BIRD, true, true));

        sync.install(KernelRoute.blackhole(IpPrefix.parse("10.65.1.0/26")));
        sync.install(KernelRoute.via(IpPrefix.parse("10.65.2.0/26"), InetAddress.ofLiteral("192.0.2.2")));
        sync.install(KernelRoute.tunnel(IpPrefix.parse("10.65.3.0/26"), InetAddress.ofLiteral("10.0.9.3"), "bgpc-k0"));

        String table = ip("-n", NS, "route", "show");
        assertThat(table).contains(
                "blackhole 10.65.1.0/26 proto bird",
                "10.65.2.0/26 via 192.0.2.2 dev bgpc-k0 proto bird",
                "10.65.3.0/26 via 10.0.9.3 dev bgpc-k0 proto bird onlink",
                "10.65.9.0/26 via 192.0.2.9 dev bgpc-k0 proto bird",
                "10.65.1.5 dev bgpc-k0 scope link");

        assertThat(sync.scan()).contains(KernelRoute.device(IpPrefix.parse("10.65.1.5/32"), "bgpc-k0"));
        assertThat(ip("-n", NS, "route", "show")).as("nothing stale goes before sync").contains("10.65.9.0/26");

        sync.synced();
        sync.shutdown();
        String after = ip("-n", NS, "route", "show");
        assertThat(after).doesNotContain("10.65.9.0/26")
                .contains("blackhole 10.65.1.0/26 proto bird", "10.65.1.5 dev bgpc-k0 scope link")
                .as("persist: the routes outlive the protocol").contains("10.65.3.0/26 via 10.0.9.3 dev bgpc-k0 proto bird onlink");
    }

    private static String ip(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "ip";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + output);
        }
        return output;
    }
}
