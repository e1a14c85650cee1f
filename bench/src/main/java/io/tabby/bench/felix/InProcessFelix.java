package io.tabby.bench.felix;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.calc.CalcGraph;
import io.tabby.felix.dataplane.Dataplane;
import io.tabby.felix.dataplane.KernelOps;
import io.tabby.felix.rules.RulesConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * felix's calculation graph and dataplane on the caller's thread, as {@code Felix} runs them on
 * its calc and dataplane threads, minus the queue between them: {@link #apply} is one syncer batch
 * all the way into the kernel.
 */
final class InProcessFelix {
    private final CalcGraph graph;
    private final Dataplane dataplane;
    private final List<DataplaneMessage> sent = new ArrayList<>();
    private long revision = 1;

    InProcessFelix(KernelOps kernel) {
        this.graph = new CalcGraph(ScaleScenario.NODE, sent::add);
        this.dataplane = new Dataplane(kernel, RulesConfig.DEFAULTS, "cali", ScaleScenario.NODE);
    }

    /** The initial snapshot, then in-sync, then the first full apply. */
    void start(List<Update> snapshot) {
        long t0 = System.nanoTime();
        graph.onStatus(SyncStatus.RESYNC);
        graph.onUpdates(snapshot);
        graph.onStatus(SyncStatus.IN_SYNC);
        long t1 = System.nanoTime();
        graph.flush();
        long t2 = System.nanoTime();
        sent.forEach(dataplane::onMessage);
        sent.clear();
        dataplane.apply();
        long t3 = System.nanoTime();
        startPhases = String.format(java.util.Locale.ROOT, "decode %.2f s, calculate %.2f s, dataplane %.2f s",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }

    /** How the start divided its time, for the report. */
    String startPhases() {
        return startPhases;
    }

    private String startPhases = "";

    /** One update ({@code value} null deletes), computed and programmed. */
    void apply(String key, String value) {
        graph.onUpdates(List.of(update(key, value)));
        flushAndApply();
    }

    Update update(String key, String value) {
        return new Update(key, value, revision++);
    }

    private void flushAndApply() {
        graph.flush();
        sent.forEach(dataplane::onMessage);
        sent.clear();
        // The result says "pending": the endpoints' interfaces never appear in this benchmark.
        dataplane.apply();
    }
}
