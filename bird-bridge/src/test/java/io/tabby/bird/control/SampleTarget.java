package io.tabby.bird.control;

import io.tabby.bird.control.ProtocolDetails.RouteStats;
import io.tabby.bird.control.ProtocolView.ProtocolState;
import io.tabby.bird.control.ProtocolView.ProtocolType;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A daemon with a fixed set of protocols and routes, recording what the socket asked of it. */
class SampleTarget implements ControlTarget {

    final Instant boot;
    final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    final List<String> configured = new CopyOnWriteArrayList<>();
    final AtomicBoolean shutdown = new AtomicBoolean();
    volatile ConfigureOutcome nextConfigure;

    SampleTarget(Instant boot) {
        this.boot = boot;
        for (String name : List.of("device1", "direct1", "kernel1", "static1", "Mesh_10_0_0_2", "Global_10_0_0_9")) {
            enabled.put(name, true);
        }
    }

    @Override
    public StatusReport status() {
        return new StatusReport((Inet4Address) InetAddress.ofLiteral("10.0.0.1"), boot, boot.plusSeconds(3),
                StatusReport.DaemonState.UP);
    }

    @Override
    public List<ProtocolView> protocols() {
        List<ProtocolView> all = new ArrayList<>();
        all.add(simple("device1", ProtocolType.DEVICE, 240, "ACCEPT", "REJECT", RouteStats.counts(0, 0, 0)));
        all.add(simple("direct1", ProtocolType.DIRECT, 240, "ACCEPT", "REJECT", RouteStats.counts(2, 0, 2)));
        all.add(simple("kernel1", ProtocolType.KERNEL, 10, "ACCEPT", "calico_kernel_programming", RouteStats.counts(1, 3, 1)));
        all.add(simple("static1", ProtocolType.STATIC, 200, "ACCEPT", "REJECT", RouteStats.counts(1, 0, 1)));
        all.add(new ProtocolView("Mesh_10_0_0_2", ProtocolType.BGP, "master", ProtocolState.UP, boot.plusSeconds(1),
                ProtocolView.bgpInfo(ProtocolState.UP, "Established", Optional.empty()),
                new ProtocolDetails(Optional.of("Connection to BGP peer"), 100, "ACCEPT", "calico_export_to_bgp_peers",
                        Optional.of(RouteStats.counts(1, 1, 1)),
                        ProtocolDetails.bgpLines("Established", "10.0.0.2", 64512, List.of(
                                new ProtocolDetails.DetailLine(4, "Neighbor ID", "10.0.0.2"),
                                new ProtocolDetails.DetailLine(4, "Source address", "10.0.0.1"),
                                new ProtocolDetails.DetailLine(4, "Hold timer", "200/240"),
                                new ProtocolDetails.DetailLine(4, "Keepalive timer", "30/80"))))));
        all.add(new ProtocolView("Global_10_0_0_9", ProtocolType.BGP, "master", ProtocolState.START, boot,
                ProtocolView.bgpInfo(ProtocolState.START, "Active", Optional.of("Socket: Connection refused")),
                new ProtocolDetails(Optional.empty(), 100, "ACCEPT", "calico_export_to_bgp_peers",
                        Optional.of(RouteStats.counts(0, 0, 0)),
                        ProtocolDetails.bgpLines("Active", "10.0.0.9", 65001, List.of(
                                new ProtocolDetails.DetailLine(4, "Connect delay", "3/5"),
                                new ProtocolDetails.DetailLine(4, "Last error", "Socket: Connection refused"))))));
        return all.stream().map(p -> enabled.getOrDefault(p.name(), true) ? p : down(p)).toList();
    }

    private ProtocolView simple(String name, ProtocolType type, int preference, String in, String out, RouteStats stats) {
        return new ProtocolView(name, type, "master", ProtocolState.UP, boot, "",
                new ProtocolDetails(Optional.empty(), preference, in, out, Optional.of(stats), List.of()));
    }

    private static ProtocolView down(ProtocolView p) {
        return new ProtocolView(p.name(), p.type(), p.table(), ProtocolState.DOWN, p.since(), "", p.details());
    }

    List<RouteView> allRoutes() {
        return List.of(
                new RouteView("10.65.1.0/26", new RouteView.Via.Blackhole(), "static1", boot, Optional.empty(), true,
                        "(200)", "static unicast univ", List.of()),
                new RouteView("10.65.2.0/26", new RouteView.Via.Gateway(InetAddress.ofLiteral("10.0.0.2"), "eth0"),
                        "Mesh_10_0_0_2", boot.plusSeconds(1), Optional.empty(), true, "(100/0) [i]", "BGP unicast univ",
                        List.of("BGP.origin: IGP", "BGP.as_path: ", "BGP.next_hop: 10.0.0.2", "BGP.local_pref: 100")),
                new RouteView("10.65.2.0/26", new RouteView.Via.Gateway(InetAddress.ofLiteral("10.0.0.3"), "eth0"),
                        "Global_10_0_0_9", boot.plusSeconds(1), Optional.of(InetAddress.ofLiteral("10.0.0.9")), false,
                        "(100/0) [AS65001i]", "BGP unicast univ", List.of()),
                new RouteView("10.65.1.5/32", new RouteView.Via.Device("cali1234"), "kernel1", boot, Optional.empty(), true,
                        "(10)", "inherit unicast univ", List.of()));
    }

    @Override
    public RouteListing routes(RouteQuery query) {
        return RouteListing.select(allRoutes(), query);
    }

    @Override
    public ConfigureOutcome configure(Optional<String> file, boolean checkOnly) {
        configured.add((checkOnly ? "check " : "") + file.orElse("default"));
        ConfigureOutcome next = nextConfigure;
        if (next != null) {
            return next;
        }
        String path = file.orElse("/etc/tabby/bird.cfg");
        return checkOnly ? new ConfigureOutcome.CheckedOk(path) : new ConfigureOutcome.Reconfigured(path);
    }

    @Override
    public ToggleOutcome enable(String protocol) {
        return Boolean.TRUE.equals(enabled.put(protocol, true)) ? ToggleOutcome.ALREADY : ToggleOutcome.DONE;
    }

    @Override
    public ToggleOutcome disable(String protocol) {
        return Boolean.FALSE.equals(enabled.put(protocol, false)) ? ToggleOutcome.ALREADY : ToggleOutcome.DONE;
    }

    @Override
    public ToggleOutcome restart(String protocol) {
        return enabled.getOrDefault(protocol, true) ? ToggleOutcome.DONE : ToggleOutcome.ALREADY;
    }

    @Override
    public void shutdown() {
        shutdown.set(true);
    }
}
