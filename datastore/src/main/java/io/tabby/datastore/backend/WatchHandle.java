package io.tabby.datastore.backend;

/** A running watch. Closing it stops delivery; closing twice is harmless. */
public interface WatchHandle extends AutoCloseable {

    /** Asks the store for a progress notification ({@link WatchListener#onProgress}). */
    void requestProgress();

    @Override
    void close();
}
