package io.tabby.felix.it;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.calc.CalcGraph;
import io.tabby.felix.dataplane.Dataplane;
import io.tabby.felix.dataplane.KernelOps;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.NetNs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * felix's calculation graph and dataplane on a real namespace, without the syncer and threads:
 * datastore states go in as whole key/value maps, for keys felix's syncer does not watch yet
 * ({@code /calico/bgp/v1/host/<node>/network_v4}). The real-kernel twin of {@code FakeFelix}.
 */
final class DirectFelix {
    /** Passes of {@link Dataplane#apply()} allowed for one state (devices appear between passes). */
    private static final int MAX_PASSES = 5;

    private final CalcGraph graph;
    private final Dataplane dataplane;
    private final List<DataplaneMessage> sent = new ArrayList<>();
    private Map<String, String> state = Map.of();
    private long revision = 1;

    DirectFelix(String node, NetNs ns, CommandRunner runner) {
        this.dataplane = new Dataplane(KernelOps.linux(runner, ns, IptablesBackend.NFT), RulesConfig.DEFAULTS, "cali",
                node);
        this.graph = new CalcGraph(node, sent::add);
    }

    /** Makes the datastore equal {@code next}, flushes and applies until nothing is left (bounded). */
    void apply(Map<String, String> next) {
        List<Update> updates = new ArrayList<>();
        new TreeMap<>(next).forEach((key, value) -> {
            if (!value.equals(state.get(key))) {
                updates.add(new Update(key, value, revision++));
            }
        });
        new TreeMap<>(state).keySet().stream().filter(k -> !next.containsKey(k))
                .forEach(k -> updates.add(new Update(k, null, revision++)));
        state = Map.copyOf(next);
        graph.onUpdates(updates);
        graph.onStatus(SyncStatus.IN_SYNC);
        graph.flush();
        sent.forEach(dataplane::onMessage);
        sent.clear();
        for (int pass = 0; pass < MAX_PASSES && dataplane.apply(); pass++) {
            dataplane.markResync(); // a pass that waited: the next one reads the kernel afresh
        }
    }
}
