package io.tabby.datastore.backend;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A revisioned key-value store with etcd v3 semantics. Implementations: the etcd adapter in
 * {@code io.tabby.datastore.backend.etcd} and the in-memory one in
 * {@code io.tabby.datastore.testing}; both honour exactly the contract written here.
 *
 * <p>Every method throws {@link UnavailableException} when the store cannot be reached within
 * the request timeout. Revisions are etcd's: a store-wide counter bumped by every write.
 */
public interface Backend extends AutoCloseable {

    /** The key's current value, or empty when the key does not exist. */
    Optional<KeyValue> get(String key);

    /** Every key starting with {@code prefix}, sorted by key, at the store's current revision. */
    default ListResult list(String prefix) {
        return list(prefix, 0);
    }

    /**
     * Every key starting with {@code prefix}, sorted by key, as of {@code revision}
     * ({@code 0} means the current revision).
     *
     * @throws CompactedException when {@code revision} has been compacted away
     */
    ListResult list(String prefix, long revision);

    /**
     * Writes {@code key} only if it does not exist.
     *
     * @return the revision of the write
     * @throws AlreadyExistsException when the key exists
     */
    default long create(String key, String value) {
        return create(key, value, 0);
    }

    /** As {@link #create(String, String)}, attaching the key to a lease ({@code 0}: none). */
    long create(String key, String value, long leaseId);

    /**
     * Replaces the value of {@code key} only if its mod revision is still {@code expectedModRevision}.
     * As an etcd put without a lease does, this detaches the key from any lease it had.
     *
     * @return the revision of the write
     * @throws NotFoundException when the key does not exist
     * @throws RevisionConflictException when the key was modified since {@code expectedModRevision}
     */
    long update(String key, String value, long expectedModRevision);

    /** Writes {@code key} whatever its state (last writer wins); returns the write's revision. */
    default long put(String key, String value) {
        return put(key, value, 0);
    }

    /** As {@link #put(String, String)}, attaching the key to a lease ({@code 0}: none). */
    long put(String key, String value, long leaseId);

    /**
     * Deletes {@code key} only if its mod revision is still {@code expectedModRevision}.
     *
     * @return the revision of the delete
     * @throws NotFoundException when the key does not exist
     * @throws RevisionConflictException when the key was modified since {@code expectedModRevision}
     */
    long delete(String key, long expectedModRevision);

    /**
     * Applies all {@code ops} atomically, or none of them. The conditions of every op are
     * checked together at one revision; when any fails, nothing is written and the exception
     * for the first failing op (in list order) is thrown.
     *
     * @return the revision of the transaction (the current revision when it wrote nothing)
     */
    long commit(List<TxnOp> ops);

    /** The store's current revision. */
    long currentRevision();

    /** Grants a lease that expires after {@code ttl} unless kept alive. */
    Lease grantLease(Duration ttl);

    /**
     * Refreshes a lease once; the caller owns the timer that calls this.
     *
     * @return the lease's remaining time to live as granted afresh
     * @throws NotFoundException when the lease has already expired or was revoked
     */
    Duration keepAliveOnce(long leaseId);

    /** Revokes a lease, deleting every key attached to it. Revoking an unknown lease is a no-op. */
    void revokeLease(long leaseId);

    /**
     * Watches every key under {@code prefix}, delivering events with revision
     * {@code >= fromRevision} in order to {@code listener}, never the same event twice.
     * After any failure the listener gets exactly one {@link WatchListener#onError} and no more
     * events; the handle is then dead and closing it is harmless.
     *
     * @throws CompactedException (possibly delivered through {@link WatchListener#onError}
     *     instead) when {@code fromRevision} has been compacted away
     */
    WatchHandle watch(String prefix, long fromRevision, WatchListener listener);

    /** Releases connections and threads. */
    @Override
    void close();
}
