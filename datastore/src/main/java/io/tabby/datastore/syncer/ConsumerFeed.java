package io.tabby.datastore.syncer;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The syncer's side of its consumer: reports a status only when it changes, never sends an empty
 * batch, and keeps a consumer's exception from stopping the feed. Called from the owner thread.
 */
final class ConsumerFeed {
    private static final Logger LOG = LogManager.getLogger(ConsumerFeed.class);

    private final SyncerCallbacks callbacks;
    private final String name;
    private volatile SyncStatus status;

    ConsumerFeed(SyncerCallbacks callbacks, String name) {
        this.callbacks = callbacks;
        this.name = name;
    }

    /** The last status reported, {@code null} before the first. Readable from any thread. */
    SyncStatus status() {
        return status;
    }

    void status(SyncStatus next) {
        if (status != next) {
            status = next;
            LOG.info("syncer for {} is {}", name, next);
            call(() -> callbacks.onStatus(next));
        }
    }

    void updates(List<Update> updates) {
        if (!updates.isEmpty()) {
            List<Update> batch = List.copyOf(updates);
            call(() -> callbacks.onUpdates(batch));
        }
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // the consumer's bug must not stop the feed to it
            LOG.error("syncer consumer for {} threw", name, e);
        }
    }
}
