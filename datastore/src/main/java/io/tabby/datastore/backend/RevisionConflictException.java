package io.tabby.datastore.backend;

/** A compare-and-swap lost: the key changed since the revision the caller read. */
public final class RevisionConflictException extends DatastoreException {
    private final String key;
    private final long expectedModRevision;
    private final long actualModRevision;

    public RevisionConflictException(String key, long expectedModRevision, long actualModRevision) {
        super("revision conflict on " + key + ": expected mod revision " + expectedModRevision
                + ", found " + actualModRevision + " (another writer changed it; re-read and retry)");
        this.key = key;
        this.expectedModRevision = expectedModRevision;
        this.actualModRevision = actualModRevision;
    }

    public String key() {
        return key;
    }

    public long expectedModRevision() {
        return expectedModRevision;
    }

    public long actualModRevision() {
        return actualModRevision;
    }
}
