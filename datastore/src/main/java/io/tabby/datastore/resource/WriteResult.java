package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.TxnOp;
import java.util.List;

/**
 * What a write did (or, for a dry run, would do) to one resource.
 *
 * @param operation what happened to the resource
 * @param resource the resource as written, with the new resourceVersion (unchanged for a dry run);
 *     for a delete, the resource as it was
 * @param ops the etcd operations of the transaction
 * @param revision the etcd revision of the transaction; 0 for a dry run
 */
public record WriteResult(Operation operation, Resource resource, List<TxnOp> ops, long revision) {

    public enum Operation { CREATE, REPLACE, DELETE }

    public WriteResult {
        requireNonNull(operation, "operation is null");
        requireNonNull(resource, "resource is null");
        ops = List.copyOf(requireNonNull(ops, "ops is null"));
    }

    public boolean dryRun() {
        return revision == 0;
    }
}
