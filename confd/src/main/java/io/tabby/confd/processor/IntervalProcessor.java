package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.store.KeyValueStore;
import io.tabby.datastore.syncer.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * confd's polling mode ({@code -interval} without {@code -watch}): every resource is processed when
 * the store is first in sync and then once per interval, from the store as it is then (the syncer
 * keeps it equal to etcd, so this is a poll that costs etcd nothing). Passes are skipped while the
 * store is out of sync.
 */
public final class IntervalProcessor implements FeedListener {
    private static final Logger LOG = LogManager.getLogger(IntervalProcessor.class);

    private final ResourceSet resources;
    private final ResourceProcessor processor;
    private final Duration interval;
    private final Scheduler scheduler;
    private final Executor owner;
    private final KeyValueStore store = new KeyValueStore();
    private final StoreFeed feed;
    private Scheduler.Cancellable timer;
    private boolean inSync;

    public IntervalProcessor(ResourceSet resources, ResourceProcessor processor, Duration interval,
            Scheduler scheduler, Executor owner) {
        this.resources = requireNonNull(resources, "resources is null");
        this.processor = requireNonNull(processor, "processor is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.owner = requireNonNull(owner, "owner is null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.feed = new StoreFeed(owner, store, this);
    }

    public StoreFeed feed() {
        return feed;
    }

    @Override
    public void onInSync() {
        inSync = true;
        if (timer == null) {
            LOG.info("in sync with etcd; processing all template resources every {}", interval);
            pass();
            timer = scheduler.scheduleRepeating(interval, () -> owner.execute(this::pass));
        }
    }

    @Override
    public void onOutOfSync() {
        inSync = false;
    }

    @Override
    public void onChanged(List<String> keys) {
        // picked up by the next pass, as confd's polling does
    }

    /** Stops the timer. */
    public void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void pass() {
        if (inSync) {
            resources.processAll(store, processor);
        } else {
            LOG.debug("skipping a pass: not in sync with etcd");
        }
    }
}
