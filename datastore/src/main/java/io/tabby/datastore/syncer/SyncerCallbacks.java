package io.tabby.datastore.syncer;

import java.util.List;

/**
 * What a {@link Syncer} tells its consumer. Both methods are called from the syncer's own
 * thread, one call at a time, in order; they should be quick (hand heavy work to a queue).
 */
public interface SyncerCallbacks {

    /** The syncer's status changed. */
    void onStatus(SyncStatus status);

    /** Keys changed, in revision order; a {@code null} value means deleted. Never empty. */
    void onUpdates(List<Update> updates);
}
