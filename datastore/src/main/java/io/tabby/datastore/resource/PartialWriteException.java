package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A multi-resource write stopped part-way: {@link #completed()} were written (each in its own
 * transaction), then {@link #getCause()} (a {@link ResourceException}, or a
 * {@link io.tabby.datastore.backend.DatastoreException} such as etcd becoming unreachable)
 * stopped the rest. Thrown only when at least one resource was written; otherwise the cause
 * itself is thrown.
 */
public final class PartialWriteException extends ResourceException {
    private final List<WriteResult> completed;
    private final int total;

    public PartialWriteException(List<WriteResult> completed, int total, RuntimeException cause) {
        super("only the first " + requireNonNull(completed, "completed is null").size() + " of " + total
                + " resources were written: " + requireNonNull(cause, "cause is null").getMessage(), cause);
        this.completed = List.copyOf(completed);
        this.total = total;
    }

    public List<WriteResult> completed() {
        return completed;
    }

    public int total() {
        return total;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
