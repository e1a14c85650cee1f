package io.tabby.datastore.backend;

/** A read or watch asked for a revision the store has compacted away. */
public final class CompactedException extends DatastoreException {
    private final long requestedRevision;
    private final long compactRevision;

    public CompactedException(long requestedRevision, long compactRevision) {
        super("revision " + requestedRevision + " has been compacted (oldest available: " + compactRevision + ")");
        this.requestedRevision = requestedRevision;
        this.compactRevision = compactRevision;
    }

    public long requestedRevision() {
        return requestedRevision;
    }

    public long compactRevision() {
        return compactRevision;
    }
}
