package io.tabby.datastore.syncer;

/** Where a {@link Syncer} stands with respect to etcd. */
public enum SyncStatus {
    /** Not connected: before the first snapshot, or the stream is lost. The view is kept as it was. */
    WAIT_FOR_DATASTORE,
    /** A snapshot (or the difference to one) is being delivered; the view is not yet consistent. */
    RESYNC,
    /** The view equals etcd at the last delivered revision and live updates follow. */
    IN_SYNC
}
