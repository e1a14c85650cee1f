package io.tabby.ctl.output;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.resource.ResourceRenderer;
import io.tabby.datastore.resource.WriteResult;
import java.util.List;

/**
 * What a {@code --dry-run} prints for each resource: a YAML comment saying what would happen to it,
 * the resource as it would be written, and, as comments, the exact etcd operations (keys and
 * values) the write would commit. Being comments, the etcd lines leave the output valid YAML.
 */
public final class DryRunPrinter {

    private final ResourceRenderer renderer;

    public DryRunPrinter(ResourceRenderer renderer) {
        this.renderer = requireNonNull(renderer, "renderer is null");
    }

    public String render(List<WriteResult> results) {
        StringBuilder out = new StringBuilder();
        for (WriteResult result : results) {
            out.append("---\n");
            out.append("# ").append(result.resource().describe()).append(" would be ")
                    .append(pastTense(result.operation())).append('\n');
            out.append(renderer.yaml(List.of(result.resource()), false));
            if (out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append("# etcd operations (one transaction):\n");
            for (TxnOp op : result.ops()) {
                out.append("#   ").append(describe(op)).append('\n');
            }
        }
        return out.toString();
    }

    /** One operation, as an etcd user would read it. */
    static String describe(TxnOp op) {
        return switch (op) {
            case TxnOp.Create create -> "create " + create.key() + " = " + shown(create.value()) + "  (if absent)"
                    + lease(create.leaseId());
            case TxnOp.Update update -> "update " + update.key() + " = " + shown(update.value())
                    + "  (if its mod revision is still " + update.expectedModRevision() + ")";
            case TxnOp.Put put -> "put " + put.key() + " = " + shown(put.value()) + lease(put.leaseId());
            case TxnOp.Delete delete -> "delete " + delete.key()
                    + "  (if its mod revision is still " + delete.expectedModRevision() + ")";
            case TxnOp.Unchanged unchanged -> "check " + unchanged.key()
                    + "  (its mod revision must still be " + unchanged.expectedModRevision() + ")";
            case TxnOp.Remove remove -> "delete " + remove.key() + "  (if present)";
            case TxnOp.DeletePrefix prefix -> "delete every key under " + prefix.key();
        };
    }

    /** An empty value is written as such in etcd; show it so rather than as nothing. */
    private static String shown(String value) {
        return value.isEmpty() ? "\"\"" : value;
    }

    private static String lease(long leaseId) {
        return leaseId == 0 ? "" : "  (lease " + Long.toHexString(leaseId) + ")";
    }

    private static String pastTense(WriteResult.Operation operation) {
        return switch (operation) {
            case CREATE -> "created";
            case REPLACE -> "replaced";
            case DELETE -> "deleted";
        };
    }
}
