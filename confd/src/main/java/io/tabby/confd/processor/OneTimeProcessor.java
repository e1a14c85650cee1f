package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.store.KeyValueStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** confd's {@code -onetime}: wait until the store equals etcd, process every resource once, report. */
public final class OneTimeProcessor implements FeedListener {
    private final ResourceSet resources;
    private final ResourceProcessor processor;
    private final KeyValueStore store = new KeyValueStore();
    private final StoreFeed feed;
    private final CompletableFuture<Map<String, Outcome>> outcomes = new CompletableFuture<>();

    public OneTimeProcessor(ResourceSet resources, ResourceProcessor processor, Executor owner) {
        this.resources = requireNonNull(resources, "resources is null");
        this.processor = requireNonNull(processor, "processor is null");
        this.feed = new StoreFeed(owner, store, this);
    }

    public StoreFeed feed() {
        return feed;
    }

    /**
     * Waits for the pass over every resource, which starts once the store is in sync.
     *
     * @return each resource's outcome, by name
     * @throws TimeoutException when etcd was not reached and read within {@code timeout}
     */
    public Map<String, Outcome> await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return outcomes.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("processing failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void onInSync() {
        if (!outcomes.isDone()) {
            try {
                outcomes.complete(resources.processAll(store, processor));
            } catch (RuntimeException e) {
                outcomes.completeExceptionally(e);
            }
        }
    }

    @Override
    public void onOutOfSync() {
        // a single pass: nothing to hold back after it ran
    }

    @Override
    public void onChanged(List<String> keys) {
        // the pass reads the store as it is when in sync; later changes are not this mode's business
    }
}
