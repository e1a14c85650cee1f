package io.tabby.felix.testing;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.calc.CalcGraph;
import io.tabby.felix.dataplane.Dataplane;
import io.tabby.felix.dataplane.KernelOps;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.IptablesChain;
import io.tabby.platform.firewall.IptablesSave;
import io.tabby.platform.firewall.IptablesTable;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteTables;
import io.tabby.platform.net.RouteType;
import io.tabby.platform.testing.FakeKernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A felix without threads on a fake kernel (node {@code node1}, underlay {@code ens3} with
 * 198.51.100.1/24): datastore states go in as whole key/value maps (the
 * difference to the previous state becomes syncer updates), the calc graph and dataplane run
 * synchronously, and {@link #kernel()} summarises what ended up in the fake kernel.
 */
public final class FakeFelix {
    public static final String NODE = "node1";
    public static final NetNs NS = NetNs.named("node1");
    private static final NetNs UNDERLAY = NetNs.named("underlay");

    private final FakeKernel kernel;
    private final CalcGraph graph;
    private final Dataplane dataplane;
    private final List<DataplaneMessage> sent = new ArrayList<>();
    private Map<String, String> state = Map.of();
    private long revision = 1;

    /** A fresh fake kernel with the node namespace and pods on {@code interfaces}. */
    public FakeFelix(List<String> interfaces) {
        this(newKernel(interfaces));
    }

    /** A felix on an existing fake kernel (a restart). */
    public FakeFelix(FakeKernel kernel) {
        this(kernel, true);
    }

    private FakeFelix(FakeKernel kernel, boolean programIpip) {
        this.kernel = kernel;
        this.dataplane = new Dataplane(KernelOps.fake(kernel, NS, IptablesBackend.NFT), RulesConfig.DEFAULTS, "cali", NODE);
        this.graph = new CalcGraph(NODE, programIpip, sent::add);
    }

    /** A felix that leaves other nodes' IPIP blocks to BGP, as beside BIRD. */
    public static FakeFelix leavingIpipRoutesToBgp(List<String> interfaces) {
        return new FakeFelix(newKernel(interfaces), false);
    }

    private static FakeKernel newKernel(List<String> interfaces) {
        FakeKernel kernel = new FakeKernel().addNamespace(NS).addNamespace(UNDERLAY);
        kernel.linkOps().createVeth(NS, "ens3", "ens3", UNDERLAY);
        kernel.addrOps().add(NS, List.of(Address.of("ens3", "198.51.100.1/24")));
        for (String iface : interfaces) {
            NetNs pod = NetNs.named("pod-" + iface);
            kernel.addNamespace(pod);
            kernel.linkOps().createVeth(NS, iface, "eth0", pod);
        }
        return kernel;
    }

    public FakeKernel fakeKernel() {
        return kernel;
    }

    public Dataplane dataplane() {
        return dataplane;
    }

    /** Messages the graph emitted so far. */
    public List<DataplaneMessage> sent() {
        return List.copyOf(sent);
    }

    /** Makes the datastore equal {@code next} (in sync), then flushes and applies. */
    public FakeFelix apply(Map<String, String> next) {
        List<Update> updates = new ArrayList<>();
        new TreeMap<>(next).forEach((key, value) -> {
            if (!value.equals(state.get(key))) {
                updates.add(new Update(key, value, revision++));
            }
        });
        new TreeMap<>(state).keySet().stream().filter(k -> !next.containsKey(k))
                .forEach(k -> updates.add(new Update(k, null, revision++)));
        state = Map.copyOf(next);
        if (!updates.isEmpty()) {
            graph.onUpdates(updates);
        }
        graph.onStatus(SyncStatus.IN_SYNC);
        graph.flush();
        sent.forEach(dataplane::onMessage);
        sent.clear();
        dataplane.apply();
        return this;
    }

    /** Feeds raw syncer input without applying (for ordering tests). */
    public CalcGraph graph() {
        return graph;
    }

    /** What felix owns in the fake kernel, independent of creation order. */
    public KernelState kernel() {
        Map<String, List<String>> chains = new TreeMap<>();
        for (IptablesTable table : List.of(IptablesTable.FILTER, IptablesTable.NAT)) {
            String save = kernel.iptablesOps(IptablesBackend.NFT).save(NS, IpFamily.V4, table);
            for (IptablesChain chain : IptablesSave.chains(save, table).values()) {
                chains.put(table.tableName() + "/" + chain.name(), chain.rules());
            }
        }
        String save6 = kernel.iptablesOps(IptablesBackend.NFT).save(NS, IpFamily.V6, IptablesTable.FILTER);
        for (IptablesChain chain : IptablesSave.chains(save6, IptablesTable.FILTER).values()) {
            chains.put("filter6/" + chain.name(), chain.rules());
        }
        Map<String, TreeSet<String>> sets = new TreeMap<>();
        for (String name : kernel.ipsetOps().listNames(NS)) {
            sets.put(name, new TreeSet<>(kernel.ipsetOps().members(NS, name)));
        }
        List<String> routes = Stream.of(IpFamily.V4, IpFamily.V6)
                .flatMap(f -> kernel.routeOps().list(NS, RouteFilter.table(f, RouteTables.MAIN)).stream())
                .filter(r -> r.protocol() != RouteProtocols.KERNEL)
                .map(r -> (r.type() == RouteType.BLACKHOLE ? "blackhole " : "") + r.destination() + r.gateway().map(g -> " via " + IpPrefix.format(g)).orElse("")
                        + " dev " + r.device().orElse("-") + " proto " + r.protocol() + " scope " + r.scope()
                        + (r.onlink() ? " onlink" : ""))
                .sorted().toList();
        List<String> neighbours = new ArrayList<>();
        kernel.linkOps().list(NS).stream().filter(l -> l.name().startsWith("cali")).forEach(l -> kernel.neighOps()
                .listPermanent(NS, l.name()).forEach(n -> neighbours.add(IpPrefix.format(n.address()) + " lladdr "
                        + n.mac() + " dev " + n.device())));
        neighbours.sort(null);
        List<String> vxlan = new ArrayList<>();
        kernel.linkOps().get(NS, "vxlan.calico").ifPresent(l -> {
            vxlan.add("link " + l.kind() + " " + l.mac() + " mtu " + l.mtu() + (l.up() ? " up" : " down"));
            kernel.addrOps().list(NS, IpFamily.V4).stream().filter(a -> a.device().equals("vxlan.calico"))
                    .forEach(a -> vxlan.add("addr " + a.prefix()));
            kernel.neighOps().listPermanent(NS, "vxlan.calico").forEach(n -> vxlan.add("neigh "
                    + IpPrefix.format(n.address()) + " lladdr " + n.mac()));
            kernel.neighOps().listFdb(NS, "vxlan.calico").forEach(f -> vxlan.add("fdb " + f.mac() + " dst "
                    + IpPrefix.format(f.destination())));
        });
        // tunl0 outlives IPIP on a real kernel, so only its addresses are felix's state.
        kernel.addrOps().list(NS, IpFamily.V4).stream().filter(a -> a.device().equals("tunl0"))
                .forEach(a -> vxlan.add("tunl0 addr " + a.prefix()));
        vxlan.sort(null);
        return new KernelState(chains, new HashMap<>(sets), routes, neighbours, vxlan);
    }

    /**
     * Felix's part of the kernel: chains by table/name ({@code filter6/} for the IPv6 filter
     * table), ip sets, main-table routes of both families, workload neighbours, and the tunnel
     * devices ({@code vxlan}: the VXLAN device, its neighbours and FDB entries, {@code tunl0}'s addresses).
     */
    public record KernelState(Map<String, List<String>> chains, Map<String, TreeSet<String>> ipsets,
            List<String> routes, List<String> neighbours, List<String> vxlan) {
        public List<String> chain(String tableAndName) {
            return chains.getOrDefault(tableAndName, List.of());
        }
    }
}
