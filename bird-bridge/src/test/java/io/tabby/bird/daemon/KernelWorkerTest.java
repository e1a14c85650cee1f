package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.kernel.KernelExport;
import io.tabby.bird.kernel.KernelRoute;
import io.tabby.bird.rib.PeerInfo;
import io.tabby.bird.rib.Route;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.platform.net.IpPrefix;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel thread against a recording kernel: static routes, BGP best paths, reconfigure, shutdown. */
class KernelWorkerTest {

    private static final String CONFIG = """
            router id 10.0.0.1;
            filter k { if ( net ~ 10.65.0.0/16 ) then accept; reject; }
            protocol kernel { persist; scan time 2; import all; export filter k; }
            protocol static { %s }
            """;
    private static final InetAddress PEER = InetAddress.ofLiteral("10.0.0.2");

    /** Records what the worker asks of the kernel. */
    private static final class RecordingKernel implements KernelExport {
        final List<KernelChange> changes = Collections.synchronizedList(new ArrayList<>());
        volatile boolean shutdown;

        @Override
        public void apply(List<KernelChange> batch) {
            changes.addAll(batch);
        }

        @Override
        public void synced() {
        }

        @Override
        public List<KernelRoute> scan() {
            return List.of();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }
    }

    private final RecordingKernel kernel = new RecordingKernel();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final KernelWorker worker = new KernelWorker(protocol -> kernel, protocol -> List.of(), clock,
            id -> Optional.of("Mesh_10_0_0_2"), List::of, new SyncGate(clock.instant(), Duration.ofSeconds(120)),
            new LocalOrigination(Optional::empty));

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        worker.close();
    }

    private BirdConfig config(String statics) throws Exception {
        Path file = dir.resolve("bird.cfg");
        Files.writeString(file, CONFIG.formatted(statics));
        return new ConfigReader(RouterFamily.IPV4).read(file);
    }

    private static Route bgpRoute(String prefix) {
        int nextHop = 0x0a000002;
        PeerInfo peer = new PeerInfo(1, PEER, 64512, 0, true, false, false, 0, Bytes.EMPTY);
        return new Route(Ipv4Prefix.parse(prefix), 0, AttributeSet.of(Origin.IGP, AsPath.EMPTY, new NextHop(nextHop)),
                Bytes.EMPTY, peer, 1, false);
    }

    @Test
    void staticAndBestRoutesGoThroughTheFilterIntoTheKernel() throws Exception {
        worker.start(config("route 10.65.1.0/26 blackhole; route 172.16.0.0/24 blackhole;"));

        assertThat(kernel.changes).containsExactly(
                new KernelExport.KernelChange.Install(KernelRoute.blackhole(IpPrefix.parse("10.65.1.0/26"))));

        worker.bestChanged(Ipv4Prefix.parse("10.65.2.0/26"), bgpRoute("10.65.2.0/26"));
        worker.bestChanged(Ipv4Prefix.parse("172.17.0.0/24"), bgpRoute("172.17.0.0/24"));
        KernelExport.KernelChange viaPeer =
                new KernelExport.KernelChange.Install(KernelRoute.via(IpPrefix.parse("10.65.2.0/26"), PEER));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kernel.changes).contains(viaPeer));

        worker.bestChanged(Ipv4Prefix.parse("10.65.2.0/26"), null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kernel.changes)
                .endsWith(new KernelExport.KernelChange.Remove(IpPrefix.parse("10.65.2.0/26"))));
        assertThat(kernel.changes).hasSize(3);
    }

    @Test
    void reconfigureInstallsAndRemovesStaticRoutesByDifference() throws Exception {
        worker.start(config("route 10.65.1.0/26 blackhole;"));
        worker.reconfigure(config("route 10.65.3.0/26 blackhole;"));

        assertThat(kernel.changes.getFirst()).isEqualTo(
                new KernelExport.KernelChange.Install(KernelRoute.blackhole(IpPrefix.parse("10.65.1.0/26"))));
        assertThat(kernel.changes.subList(1, kernel.changes.size())).containsExactlyInAnyOrder(
                new KernelExport.KernelChange.Install(KernelRoute.blackhole(IpPrefix.parse("10.65.3.0/26"))),
                new KernelExport.KernelChange.Remove(IpPrefix.parse("10.65.1.0/26")));
        assertThat(worker.snapshot().statics()).extracting(c -> c.route().destination().toString())
                .containsExactly("10.65.3.0/26");
    }

    @Test
    void shutdownEndsTheKernelProtocolAndLaterChangesAreDropped() throws Exception {
        worker.start(config("route 10.65.1.0/26 blackhole;"));

        worker.shutdown();
        worker.bestChanged(Ipv4Prefix.parse("10.65.2.0/26"), bgpRoute("10.65.2.0/26"));

        assertThat(kernel.shutdown).isTrue();
        assertThat(kernel.changes).hasSize(1);
    }
}
