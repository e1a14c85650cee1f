package io.tabby.node.bgpstatus;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.Lease;
import io.tabby.datastore.backend.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps {@code /calico/tabby/v1/host/<node>/bgp_status} equal to this node's sessions, attached to
 * a lease it refreshes. Each {@link #tick()} samples the sessions, refreshes the lease once a third
 * of its TTL has passed (a lease etcd already expired is granted anew and the status re-written),
 * and writes when the sessions changed and the last write is at least {@code minInterval} old. A
 * datastore failure is logged and retried at the next tick; it never stops the publisher.
 */
public final class BgpStatusPublisher implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(BgpStatusPublisher.class);

    private final Backend backend;
    private final String node;
    private final String key;
    private final Supplier<List<BgpSession>> sessions;
    private final InstantSource clock;
    private final PublisherSettings settings;
    private ScheduledExecutorService scheduler;
    private Lease lease;
    private Instant refreshedAt;
    private List<BgpSession> published;
    private Instant publishedAt;
    private boolean failing;
    private boolean closed;

    public BgpStatusPublisher(Backend backend, String node, Supplier<List<BgpSession>> sessions, InstantSource clock,
            PublisherSettings settings) {
        this.backend = requireNonNull(backend, "backend is null");
        this.key = BgpStatusKeys.key(node);
        this.node = node;
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Ticks every {@code pollInterval} on a thread of its own until {@link #close()}. */
    public synchronized void start() {
        if (scheduler != null || closed) {
            throw new IllegalStateException("BGP status publisher for " + node + " was already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bgp-status-" + node);
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tickQuietly, 0, period, TimeUnit.MILLISECONDS);
    }

    /** One sampling step; public so callers with their own loop (and tests) can drive it. */
    public synchronized void tick() {
        if (closed) {
            return;
        }
        List<BgpSession> current = List.copyOf(sessions.get());
        Instant now = clock.instant();
        try {
            keepLease(now);
            boolean changed = !current.equals(published);
            boolean due = publishedAt == null || published == null
                    || !Duration.between(publishedAt, now).minus(settings.minInterval()).isNegative();
            if (changed && due) {
                backend.put(key, BgpStatusCodec.INSTANCE.encode(new NodeBgpStatus(node, now, current)), lease.id());
                published = current;
                publishedAt = now;
                LOG.debug("published {} BGP sessions of {} at {}", current.size(), node, key);
            }
            if (failing) {
                LOG.info("publishing BGP status of {} to {} works again", node, key);
                failing = false;
            }
        } catch (DatastoreException e) {
            if (!failing) {
                LOG.warn("cannot publish BGP status of {} to {} (retrying every {}s): {}", node, key,
                        settings.pollInterval().toSeconds(), e.getMessage());
                failing = true;
            }
        }
    }

    private void keepLease(Instant now) {
        if (lease == null) {
            grant(now);
            return;
        }
        if (Duration.between(refreshedAt, now).compareTo(settings.refreshAfter()) < 0) {
            return;
        }
        try {
            backend.keepAliveOnce(lease.id());
            refreshedAt = now;
        } catch (NotFoundException e) {
            LOG.info("BGP status lease of {} expired in etcd; granting a new one and re-publishing", node);
            lease = null;
            grant(now);
        }
    }

    private void grant(Instant now) {
        lease = backend.grantLease(settings.ttl());
        refreshedAt = now;
        published = null; // the key went with the old lease, if any
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The sessions supplier failed; keep the last status and try again at the next tick.
            LOG.warn("sampling BGP sessions of {} failed: {}", node, e.toString());
        }
    }

    /** Stops ticking and revokes the lease, removing this node's status at once. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = scheduler;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("BGP status publisher of {} did not stop within 10s", node);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (lease != null) {
                try {
                    backend.revokeLease(lease.id());
                } catch (DatastoreException e) {
                    LOG.warn("could not revoke the BGP status lease of {}; {} expires within {}s: {}", node, key,
                            settings.ttl().toSeconds(), e.getMessage());
                }
                lease = null;
            }
        }
    }
}
