package io.tabby.datastore.syncer;

import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.WatchEvent;
import java.util.List;

/**
 * What reaches a syncer's owner thread: watch signals (tagged with the watch generation so a
 * replaced watch's leftovers are ignored) and timer firings.
 */
sealed interface SyncerCommand {

    /** Connect: list when needed, then watch. */
    record Connect() implements SyncerCommand {}

    /** Time to check the watch for a stall and ask for progress. */
    record ProgressTick() implements SyncerCommand {}

    record WatchEvents(long generation, List<WatchEvent> events) implements SyncerCommand {}

    record WatchProgress(long generation, long revision) implements SyncerCommand {}

    record WatchFailed(long generation, DatastoreException error) implements SyncerCommand {}

    record Stop() implements SyncerCommand {}
}
