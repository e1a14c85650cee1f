package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.store.KeyValueStore;
import io.tabby.datastore.syncer.Scheduler;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * confd's {@code -watch} mode on a syncer: renders every resource in one pass when the store is
 * first in sync ({@link ResourceSet#processAll}), then re-renders only the resources whose keys a change touched, paced by a
 * {@link Debouncer}. Nothing renders while the store is out of sync; what changed meanwhile renders
 * when it is in sync again. Runs entirely on the owner thread behind {@code owner}.
 */
public final class WatchProcessor implements FeedListener {
    private static final Logger LOG = LogManager.getLogger(WatchProcessor.class);

    private final ResourceSet resources;
    private final KeyValueStore store = new KeyValueStore();
    private final ResourceProcessor processor;
    private final Debouncer debouncer;
    private final StoreFeed feed;
    private final Set<String> touchedWhileOutOfSync = new LinkedHashSet<>();
    private boolean inSync;
    private boolean everInSync;

    public WatchProcessor(ResourceSet resources, ResourceProcessor processor, DebounceSettings settings,
            InstantSource clock, Scheduler scheduler, Executor owner) {
        this.resources = requireNonNull(resources, "resources is null");
        this.processor = requireNonNull(processor, "processor is null");
        this.debouncer = new Debouncer(clock, scheduler, owner, settings, this::render);
        this.feed = new StoreFeed(owner, store, this);
    }

    /** What the syncer should call. */
    public StoreFeed feed() {
        return feed;
    }

    @Override
    public void onInSync() {
        inSync = true;
        Set<String> due = new LinkedHashSet<>();
        if (!everInSync) {
            everInSync = true;
            LOG.info("in sync with etcd; rendering all {} template resources", resources.all().size());
            // one pass over all, so a check that reads another resource's file sees it written;
            // what still fails is retried by the debouncer with its backoff
            resources.processAll(store, processor).forEach((name, outcome) -> {
                if (outcome.failed()) {
                    debouncer.failedElsewhere(name);
                }
            });
        } else {
            due.addAll(touchedWhileOutOfSync);
        }
        touchedWhileOutOfSync.clear();
        due.forEach(debouncer::changed);
    }

    @Override
    public void onOutOfSync() {
        inSync = false;
    }

    @Override
    public void onChanged(List<String> keys) {
        Set<String> readers = resources.readersOf(keys);
        if (!inSync) {
            touchedWhileOutOfSync.addAll(readers);
            return;
        }
        readers.forEach(debouncer::changed);
    }

    /** Stops pending timers; call on the owner thread or after it stopped. */
    public void stop() {
        debouncer.cancelAll();
    }

    private Outcome render(String name) {
        return resources.process(name, store, processor);
    }
}
