package io.tabby.node.parts;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.felix.Felix;
import io.tabby.felix.FelixConfig;
import io.tabby.felix.dataplane.KernelOps;
import io.tabby.node.metrics.MetricSource;
import io.tabby.node.metrics.NodeMetrics;
import io.tabby.platform.exec.CommandRunner;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * felix in the node's JVM, on the node's etcd connection: ready once its syncer is in sync with etcd
 * and the dataplane has applied a complete picture. A syncer that loses its watch (etcd gone,
 * compaction) makes it not ready until it has re-listed, with the syncer's state as the reason.
 * Stopping leaves every route, rule and ip set in place, as stopping Calico's felix does.
 */
public final class FelixPart implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(FelixPart.class);

    private final Felix felix;

    private FelixPart(Felix felix) {
        this.felix = felix;
    }

    /** Starts felix for {@code config} on {@code backend}, programming the kernel through {@code runner}. */
    public static FelixPart start(Backend backend, FelixConfig config, CommandRunner runner) {
        requireNonNull(config, "config is null");
        KernelOps kernel = KernelOps.linux(requireNonNull(runner, "runner is null"), config.netns(),
                config.iptablesBackend());
        Felix felix = new Felix(requireNonNull(backend, "backend is null"), config, kernel);
        felix.start();
        LOG.info("felix for node {} started (iptables {}, namespace {})", config.nodeName(), config.iptablesBackend(),
                config.netns());
        return new FelixPart(felix);
    }

    /** Where felix's datastore syncer stands. */
    public SyncStatus syncStatus() {
        SyncStatus status = felix.syncStatus();
        return status == null ? SyncStatus.WAIT_FOR_DATASTORE : status;
    }

    /** Why felix is not ready, or empty when it is. */
    public Optional<String> notReady() {
        return notReady(syncStatus(), felix.dataplane().syncedApplies());
    }

    static Optional<String> notReady(SyncStatus status, long syncedApplies) {
        return switch (status) {
            case WAIT_FOR_DATASTORE -> Optional.of("etcd syncer is waiting for the datastore (no watch; "
                    + "is etcd reachable?)");
            case RESYNC -> Optional.of("etcd syncer is re-listing the datastore (watch lost or compacted)");
            case IN_SYNC -> syncedApplies > 0 ? Optional.empty()
                    : Optional.of("in sync with etcd; waiting for the first complete dataplane apply");
        };
    }

    /** Reports each apply pass's duration, and its failure, to {@code metrics}. */
    public void reportTo(NodeMetrics metrics) {
        requireNonNull(metrics, "metrics is null");
        felix.dataplane().observe((took, failed) -> {
            metrics.felixApplied(took);
            if (failed) {
                metrics.felixApplyFailed();
            }
        });
    }

    /** felix's apply passes, for {@code /metrics}. */
    public MetricSource metrics() {
        return () -> """
                # HELP tabby_felix_apply_passes_total Dataplane apply passes felix completed (routes, iptables, ipsets).
                # TYPE tabby_felix_apply_passes_total counter
                tabby_felix_apply_passes_total %d
                # HELP tabby_felix_resyncs_total Full read-backs of the kernel felix did (IptablesRefreshInterval).
                # TYPE tabby_felix_resyncs_total counter
                tabby_felix_resyncs_total %d
                """.formatted(felix.dataplane().applies(), felix.dataplane().resyncs());
    }

    /** Stops felix's threads; the kernel keeps what felix programmed. */
    @Override
    public void close() {
        felix.close();
        LOG.info("felix stopped; routes, rules and ip sets stay as they are");
    }
}
