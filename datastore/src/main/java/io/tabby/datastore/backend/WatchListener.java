package io.tabby.datastore.backend;

import java.util.List;

/**
 * Receives a watch's events. Calls come from one thread at a time, in revision order; a
 * listener must hand heavy work off rather than block that thread.
 */
public interface WatchListener {

    /** A batch of events, in revision order; every event of one revision is in one batch. */
    void onEvents(List<WatchEvent> events);

    /**
     * The store answered a progress request (an etcd progress notification): the stream is alive.
     * Lets a supervisor tell a quiet watch from a dead one. Do not move a resume point to
     * {@code revision}: etcd before 3.4.24 can send the notification ahead of events it has not yet
     * delivered (etcd#15220), so only delivered events say what has been seen.
     */
    default void onProgress(long revision) {
    }

    /**
     * The watch failed ({@link CompactedException} when its start revision was compacted,
     * {@link UnavailableException} for a lost stream). No call follows this one.
     */
    void onError(DatastoreException error);
}
