package io.tabby.confd.processor;

import java.util.List;

/** What a processor hears from a {@link StoreFeed}, always on the owner thread, after the store was updated. */
interface FeedListener {

    /** The store equals etcd (again). */
    void onInSync();

    /** The store may lag or be mid-resync: do not render from it. */
    void onOutOfSync();

    /** These full etcd keys changed (set or deleted) in the store. Never empty. */
    void onChanged(List<String> keys);
}
