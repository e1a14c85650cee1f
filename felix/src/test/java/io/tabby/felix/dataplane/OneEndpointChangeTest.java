package io.tabby.felix.dataplane;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.pool;
import static io.tabby.felix.testing.V1Json.poolKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.calc.CalcGraph;
import io.tabby.felix.rules.ChainNames;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.platform.firewall.IpsetOps;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NeighOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.testing.FakeKernel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proportionality without a clock: after the first programming of {@code n} endpoints (and a
 * policy per ten of them), one label change, one endpoint add and one endpoint delete each make
 * felix write only that endpoint's chains (and, for an add or delete, one dispatch leaf per
 * direction), a bounded {@code iptables-restore} input whatever {@code n} is, and read nothing
 * back: no route, neighbour, rule or ip set listing.
 */
class OneEndpointChangeTest {
    private static final NetNs NS = NetNs.named("node1");
    private static final String NODE = "node1";

    /** Every call made to the kernel, as {@code Interface.method}, with the restore inputs kept. */
    private static final class Calls {
        final List<String> calls = new ArrayList<>();
        final List<String> restores = new ArrayList<>();
        final List<String> ipsetRestores = new ArrayList<>();

        @SuppressWarnings("unchecked")
        <T> T record(Class<T> type, T target) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                calls.add(type.getSimpleName() + "." + method.getName());
                if (type == IptablesOps.class && method.getName().equals("restore")) {
                    restores.add((String) args[2]);
                }
                if (type == IpsetOps.class && method.getName().equals("restore")) {
                    ipsetRestores.add((String) args[1]);
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }

        void clear() {
            calls.clear();
            restores.clear();
            ipsetRestores.clear();
        }

        List<String> reads() {
            return calls.stream().filter(c -> c.endsWith(".list") || c.endsWith(".listPermanent")
                    || c.endsWith(".save") || c.endsWith(".saveLines") || c.endsWith(".listNames")
                    || c.endsWith(".members") || c.endsWith(".saveAll")).toList();
        }
    }

    private static String iface(int i) {
        return String.format(Locale.ROOT, "cali%08x", i * 2654435761L % 0xffffffffL);
    }

    private static String ip(int i) {
        return "10.65." + (i / 250) + "." + (i % 250 + 1);
    }

    private static String endpointValue(int i, String app) {
        return endpoint(iface(i), ip(i), Map.of("app", app, "projectcalico.org/namespace", "default"), "kns.default");
    }

    @ParameterizedTest
    @ValueSource(ints = {150, 1200})
    void oneEndpointChangeWritesOnlyItsOwnChainsAndReadsNothing(int n) {
        FakeKernel kernel = kernelWithPods(n + 1);
        Calls calls = new Calls();
        KernelOps ops = new KernelOps(NS, calls.record(LinkOps.class, kernel.linkOps()), kernel.addrOps(),
                calls.record(RouteOps.class, kernel.routeOps()), calls.record(NeighOps.class, kernel.neighOps()),
                kernel.sysctlOps(), calls.record(IptablesOps.class, kernel.iptablesOps(IptablesBackend.NFT)),
                calls.record(IpsetOps.class, kernel.ipsetOps()));
        Dataplane dataplane = new Dataplane(ops, RulesConfig.DEFAULTS, "cali", NODE);
        List<DataplaneMessage> sent = new ArrayList<>();
        CalcGraph graph = new CalcGraph(NODE, sent::add);
        long[] revision = {1};
        Map<String, String> state = new LinkedHashMap<>();
        state.put(poolKey("10.65.0.0-16"), pool("10.65.0.0/16", true));
        state.put(profileRulesKey("kns.default"), allowAllProfile());
        for (int p = 0; p < n / 10; p++) {
            state.put(policyKey("p" + p), "{\"order\":" + p + ",\"selector\":\"app == 'a" + p + "'\",\"types\":[\"ingress\"],"
                    + "\"inbound_rules\":[{\"action\":\"allow\",\"protocol\":\"tcp\",\"src_selector\":\"app == 'a"
                    + (p + 1) + "'\",\"dst_ports\":[80]}]}");
        }
        for (int i = 0; i < n; i++) {
            state.put(endpointKey(NODE, "default.pod" + i), endpointValue(i, "a" + (i % (n / 10))));
        }
        List<Update> snapshot = new ArrayList<>();
        state.forEach((k, v) -> snapshot.add(new Update(k, v, revision[0]++)));
        graph.onUpdates(snapshot);
        graph.onStatus(SyncStatus.IN_SYNC);
        Runnable flush = flusher(graph, sent, dataplane);
        flush.run();
        assertThat(calls.restores).isNotEmpty();

        // A label change: endpoint 7 moves from a7 to a8 (another policy, another ip set).
        calls.clear();
        graph.onUpdates(List.of(new Update(endpointKey(NODE, "default.pod7"), endpointValue(7, "a8"), revision[0]++)));
        flush.run();
        assertThat(calls.reads()).as("reads after a label change").isEmpty();
        assertThat(calls.restores).hasSize(1);
        // Its ingress policy changed; its egress did not, so its from-workload chain is not rewritten.
        assertThat(declaredChains(calls.restores.getFirst())).containsExactly(ChainNames.toWorkload(iface(7)));
        assertThat(calls.calls).doesNotContain("RouteOps.apply", "NeighOps.replacePermanent");
        // Out of one selector's set, into another's: two member lines.
        assertThat(String.join("", calls.ipsetRestores).lines().toList()).hasSize(2)
                .allMatch(line -> line.endsWith(" " + ip(7)));

        // An endpoint add: its chains and one dispatch leaf per direction; its route and neighbour.
        calls.clear();
        graph.onUpdates(List.of(new Update(endpointKey(NODE, "default.pod" + n), endpointValue(n, "a3"), revision[0]++)));
        flush.run();
        assertThat(calls.reads()).as("reads after an add").isEmpty();
        assertThat(calls.restores).hasSize(1);
        List<String> added = declaredChains(calls.restores.getFirst());
        assertThat(added).contains(ChainNames.toWorkload(iface(n)), ChainNames.fromWorkload(iface(n)))
                .hasSizeLessThanOrEqualTo(4)
                .allMatch(name -> name.contains(iface(n)) || name.startsWith(ChainNames.FROM_WL_DISPATCH)
                        || name.startsWith(ChainNames.TO_WL_DISPATCH));
        assertThat(calls.restores.getFirst().lines().count()).as("restore lines after an add").isLessThan(200);
        assertThat(calls.calls).containsOnlyOnce("RouteOps.apply", "NeighOps.replacePermanent");

        // An endpoint delete: its chains go, one dispatch leaf per direction changes.
        calls.clear();
        graph.onUpdates(List.of(new Update(endpointKey(NODE, "default.pod5"), null, revision[0]++)));
        flush.run();
        assertThat(calls.reads()).as("reads after a delete").isEmpty();
        assertThat(calls.restores).hasSize(1);
        String deleted = calls.restores.getFirst();
        assertThat(deleted).contains("-X " + ChainNames.toWorkload(iface(5)), "-X " + ChainNames.fromWorkload(iface(5)));
        assertThat(declaredChains(deleted)).hasSizeLessThanOrEqualTo(4);
        assertThat(deleted.lines().count()).as("restore lines after a delete").isLessThan(200);
        assertThat(calls.calls).containsOnlyOnce("RouteOps.apply", "NeighOps.delete");

        // A resync still reads everything back, and finds nothing to change.
        calls.clear();
        dataplane.markResync();
        assertThat(dataplane.apply()).isFalse();
        assertThat(calls.reads()).contains("RouteOps.list", "IptablesOps.saveLines", "IpsetOps.saveAll")
                .doesNotContain("IpsetOps.members");
        assertThat(calls.restores).isEmpty();
    }

    @Test
    void aBurstOfNewEndpointsLooksTheirInterfacesUpInOneListing() {
        int n = 40;
        int burst = 20;
        FakeKernel kernel = kernelWithPods(n + burst);
        Calls calls = new Calls();
        KernelOps ops = new KernelOps(NS, calls.record(LinkOps.class, kernel.linkOps()), kernel.addrOps(),
                kernel.routeOps(), kernel.neighOps(), kernel.sysctlOps(), kernel.iptablesOps(IptablesBackend.NFT),
                kernel.ipsetOps());
        Dataplane dataplane = new Dataplane(ops, RulesConfig.DEFAULTS, "cali", NODE);
        List<DataplaneMessage> sent = new ArrayList<>();
        CalcGraph graph = new CalcGraph(NODE, sent::add);
        long[] revision = {1};
        List<Update> snapshot = new ArrayList<>(List.of(
                new Update(poolKey("10.65.0.0-16"), pool("10.65.0.0/16", true), revision[0]++),
                new Update(profileRulesKey("kns.default"), allowAllProfile(), revision[0]++)));
        for (int i = 0; i < n; i++) {
            snapshot.add(new Update(endpointKey(NODE, "default.pod" + i), endpointValue(i, "a"), revision[0]++));
        }
        graph.onUpdates(snapshot);
        graph.onStatus(SyncStatus.IN_SYNC);
        Runnable flush = flusher(graph, sent, dataplane);
        flush.run();

        calls.clear();
        List<Update> adds = new ArrayList<>();
        for (int i = n; i < n + burst; i++) {
            adds.add(new Update(endpointKey(NODE, "default.pod" + i), endpointValue(i, "a"), revision[0]++));
        }
        graph.onUpdates(adds);
        flush.run();
        assertThat(calls.calls).containsOnlyOnce("LinkOps.list").doesNotContain("LinkOps.get");
        List<String> routed = kernel.routeOps().list(NS, RouteFilter.table(IpFamily.V4, 254)).stream()
                .flatMap(r -> r.device().stream()).toList();
        for (int i = n; i < n + burst; i++) {
            assertThat(routed).as("route of pod %d", i).contains(iface(i));
        }
    }

    /** A node namespace with a veth to each of {@code pods} pod namespaces. */
    private static FakeKernel kernelWithPods(int pods) {
        FakeKernel kernel = new FakeKernel().addNamespace(NS);
        for (int i = 0; i < pods; i++) {
            NetNs pod = NetNs.named("pod" + i);
            kernel.addNamespace(pod);
            kernel.linkOps().createVeth(NS, iface(i), "eth0", pod);
        }
        return kernel;
    }

    /** Hands what the graph sends to the dataplane and applies it; nothing may be left waiting. */
    private static Runnable flusher(CalcGraph graph, List<DataplaneMessage> sent, Dataplane dataplane) {
        return () -> {
            graph.flush();
            sent.forEach(dataplane::onMessage);
            sent.clear();
            assertThat(dataplane.apply()).as("nothing left waiting").isFalse();
        };
    }

    private static List<String> declaredChains(String restore) {
        return restore.lines().filter(line -> line.startsWith(":")).map(line -> line.substring(1, line.indexOf(' ')))
                .toList();
    }
}
