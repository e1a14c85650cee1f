package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.codec.MalformedValueException;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.CustomFilterKey;
import io.tabby.datastore.path.FelixStatusKey;
import io.tabby.datastore.path.GlobalBgpFieldKey;
import io.tabby.datastore.path.GlobalBgpPeerKey;
import io.tabby.datastore.path.GlobalConfigKey;
import io.tabby.datastore.path.HostBirdIpKey;
import io.tabby.datastore.path.HostConfigKey;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.HostEndpointStatusKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.MalformedKeyException;
import io.tabby.datastore.path.NodeBgpFieldKey;
import io.tabby.datastore.path.NodeBgpPeerKey;
import io.tabby.datastore.path.NodeMeshKey;
import io.tabby.datastore.path.OrchestratorRefsKey;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.PrefixAdvertisementsKey;
import io.tabby.datastore.path.ProfileLabelsKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.ProfileTagsKey;
import io.tabby.datastore.path.ReadyKey;
import io.tabby.datastore.path.ResourceKey;
import io.tabby.datastore.path.RouteReflectorKey;
import io.tabby.datastore.path.TierMetadataKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointStatusKey;
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
    private final StateCalculator calculator;
    private final EventSequencer sequencer;
    private SyncStatus status = SyncStatus.WAIT_FOR_DATASTORE;
    private boolean everInSync;
    private boolean dirty = true;

    /**
     * @param nodeName this node, as in the keys {@code /calico/v1/host/<node>/...}
     * @param out receives the messages, on the caller's thread
     */
    public CalcGraph(String nodeName, Consumer<DataplaneMessage> out) {
        this.calculator = new StateCalculator(nodeName);
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
            apply(update);
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
        sequencer.flush(calculator.compute(view));
    }

    private void apply(Update update) {
        Key<?> key;
        try {
            key = KeyPaths.parse(update.key());
        } catch (MalformedKeyException e) {
            LOG.debug("ignoring key felix does not use: {}", update.key());
            return;
        }
        try {
            dirty |= store(key, update.value());
        } catch (MalformedValueException e) {
            // Calico's felix drops a value it cannot parse, as if the key were absent.
            LOG.warn("treating malformed value as absent: {}", e.getMessage());
            dirty |= store(key, null);
        }
    }

    private boolean store(Key<?> key, String text) {
        switch (key) {
            case WorkloadEndpointKey k -> DatastoreView.put(view.workloadEndpoints, k, decode(k, text));
            case PolicyKey k -> {
                if (!k.tier().equals(PolicyKey.DEFAULT_TIER)) {
                    LOG.debug("ignoring policy {} in tier {}: felix renders only the default tier", k.name(), k.tier());
                    return false;
                }
                var policy = decode(k, text);
                DatastoreView.put(view.policies, k.name(), policy == null ? null : ParsedPolicy.of(k.name(), policy));
            }
            case ProfileRulesKey k -> DatastoreView.put(view.profileRules, k.profile(), decode(k, text));
            case ProfileLabelsKey k -> DatastoreView.put(view.profileLabels, k.profile(), decode(k, text));
            case ProfileTagsKey k -> DatastoreView.put(view.profileTags, k.profile(), decode(k, text));
            case IpPoolKey k -> DatastoreView.put(view.pools, k.cidr(), decode(k, text));
            // Host endpoints, node data, BGP and IPAM keys are not used by this felix (yet).
            case ReadyKey _, GlobalConfigKey _, HostConfigKey _, HostMetadataKey _, HostBirdIpKey _,
                    OrchestratorRefsKey _, HostEndpointKey _, TierMetadataKey _, NodeBgpFieldKey _,
                    NodeBgpPeerKey _, GlobalBgpFieldKey _, NodeMeshKey _, PrefixAdvertisementsKey _,
                    GlobalBgpPeerKey _, CustomFilterKey _, RouteReflectorKey _, IpamConfigKey _, BlockKey _,
                    BlockAffinityKey _, IpamHandleKey _, FelixStatusKey _, WorkloadEndpointStatusKey _,
                    HostEndpointStatusKey _, ResourceKey _ -> {
                return false;
            }
        }
        return true;
    }

    private static <V> V decode(Key<V> key, String text) {
        return text == null ? null : ValueCodec.INSTANCE.decode(key, text);
    }
}
