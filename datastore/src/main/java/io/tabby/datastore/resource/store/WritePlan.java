package io.tabby.datastore.resource.store;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.WriteResult;
import java.util.List;

/**
 * One resource's checked write: the transaction to commit.
 *
 * @param operation what the transaction does to the resource
 * @param resource the resource written (for a delete: as it was)
 * @param ops the transaction; every op is conditioned on the state read
 */
public record WritePlan(WriteResult.Operation operation, Resource resource, List<TxnOp> ops) {
    public WritePlan {
        requireNonNull(operation, "operation is null");
        requireNonNull(resource, "resource is null");
        ops = List.copyOf(requireNonNull(ops, "ops is null"));
    }
}
