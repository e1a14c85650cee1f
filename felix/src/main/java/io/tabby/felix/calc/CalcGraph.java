package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.DataplaneMessage;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The calculation graph's front door: feed it the syncer's status and updates, call
 * {@link #flush()} at the end of each batch, and it emits {@link DataplaneMessage}s to its consumer
 * (see the package documentation). Not thread-safe: one calc thread owns it.
 */
public final class CalcGraph {
    private static final Logger LOG = LogManager.getLogger(CalcGraph.class);

    private final DatastoreView view = new DatastoreView();
    private final IncrementalCalculator calculator;
    private final EventSequencer sequencer;
    private SyncStatus status = SyncStatus.WAIT_FOR_DATASTORE;
    private boolean everInSync;
    private boolean dirty = true;
    /** Whether the calculator has seen the view once; until then every flush rebuilds. */
    private boolean built;

    /**
     * @param nodeName this node, as in the keys {@code /calico/v1/host/<node>/...}
     * @param out receives the messages, on the caller's thread
     */
    public CalcGraph(String nodeName, Consumer<DataplaneMessage> out) {
        this(nodeName, true, out);
    }

    /**
     * @param programIpip whether felix routes other nodes' blocks of IPIP pools (false: BGP does,
     *     as with calico/node's BIRD backend)
     */
    public CalcGraph(String nodeName, boolean programIpip, Consumer<DataplaneMessage> out) {
        this.calculator = new IncrementalCalculator(nodeName, programIpip);
        this.sequencer = new EventSequencer(out);
    }

    public void onStatus(SyncStatus newStatus) {
        status = requireNonNull(newStatus, "newStatus is null");
        if (status == SyncStatus.IN_SYNC && !everInSync) {
            LOG.info("datastore in sync for the first time; computing the dataplane");
            everInSync = true;
        }
    }

    public void onUpdates(List<Update> updates) {
        for (Update update : updates) {
            dirty |= view.apply(update);
        }
    }

    /**
     * Emits what changed since the last flush, unless the datastore is not (yet, or at the moment)
     * in sync: a snapshot or resync in progress is never half-applied, and an unreachable etcd
     * changes nothing.
     */
    public void flush() {
        if (status != SyncStatus.IN_SYNC || !dirty) {
            return;
        }
        dirty = false;
        if (!built || view.changedOther) {
            calculator.rebuild(view);
            built = true;
            view.changedOther = false;
            view.changedEndpoints.clear();
            sequencer.flush(calculator.state());
        } else {
            view.changedEndpoints.forEach(key -> calculator.endpointChanged(view, key));
            view.changedEndpoints.clear();
            sequencer.flush(calculator.changes());
        }
    }
}
