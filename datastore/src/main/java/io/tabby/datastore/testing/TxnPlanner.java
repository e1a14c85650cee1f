package io.tabby.datastore.testing;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.backend.TxnOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a transaction's ops into mutations as etcd would: every condition is checked against
 * the same current state, the first failing op (in list order) decides the exception, and only
 * then is anything planned. Not thread-safe: used under {@link InMemoryBackend}'s lock.
 */
final class TxnPlanner {
    private final RevisionedStore store;
    private final LeaseTable leases;

    TxnPlanner(RevisionedStore store, LeaseTable leases) {
        this.store = store;
        this.leases = leases;
    }

    /** The mutations {@code ops} make, in op order; empty when they write nothing. */
    List<Mutation> plan(List<TxnOp> ops) {
        rejectOverlaps(ops);
        for (TxnOp op : ops) {
            check(op);
        }
        List<Mutation> mutations = new ArrayList<>();
        Set<String> deleted = new HashSet<>(); // two delete ops may cover the same key
        for (TxnOp op : ops) {
            switch (op) {
                case TxnOp.Create c -> mutations.add(Mutation.put(c.key(), c.value(), c.leaseId()));
                // as in etcd, a put without a lease (which is what a compare-and-swap is) detaches the key
                case TxnOp.Update u -> mutations.add(Mutation.put(u.key(), u.value(), 0));
                case TxnOp.Put p -> mutations.add(Mutation.put(p.key(), p.value(), p.leaseId()));
                case TxnOp.Delete d -> delete(d.key(), deleted, mutations);
                case TxnOp.Unchanged _ -> { }
                case TxnOp.Remove r -> store.get(r.key()).ifPresent(kv -> delete(kv.key(), deleted, mutations));
                case TxnOp.DeletePrefix d ->
                        store.list(d.key(), store.revision()).forEach(kv -> delete(kv.key(), deleted, mutations));
            }
        }
        return mutations;
    }

    private static void delete(String key, Set<String> deleted, List<Mutation> mutations) {
        if (deleted.add(key)) {
            mutations.add(Mutation.delete(key));
        }
    }

    private void check(TxnOp op) {
        switch (op) {
            case TxnOp.Create c -> {
                if (store.get(c.key()).isPresent()) {
                    throw new AlreadyExistsException(c.key());
                }
                checkLease(c.leaseId());
            }
            case TxnOp.Update u -> checkModRevision(u.key(), u.expectedModRevision());
            case TxnOp.Put p -> checkLease(p.leaseId());
            case TxnOp.Delete d -> checkModRevision(d.key(), d.expectedModRevision());
            case TxnOp.Unchanged un -> checkUnchanged(un);
            case TxnOp.Remove _, TxnOp.DeletePrefix _ -> { }
        }
    }

    private void checkUnchanged(TxnOp.Unchanged op) {
        Optional<KeyValue> kv = store.get(op.key());
        if (op.expectedModRevision() == 0) {
            if (kv.isPresent()) {
                throw new AlreadyExistsException(op.key());
            }
            return;
        }
        checkModRevision(op.key(), op.expectedModRevision());
    }

    private void checkModRevision(String key, long expected) {
        KeyValue kv = current(key);
        if (kv.modRevision() != expected) {
            throw new RevisionConflictException(key, expected, kv.modRevision());
        }
    }

    private KeyValue current(String key) {
        Optional<KeyValue> kv = store.get(key);
        return kv.orElseThrow(() -> new NotFoundException(key));
    }

    private void checkLease(long leaseId) {
        if (leaseId != 0 && !leases.exists(leaseId)) {
            throw LeaseTable.unknown(leaseId);
        }
    }

    /** etcd refuses a transaction that writes a key twice or puts a key it also deletes. */
    private static void rejectOverlaps(List<TxnOp> ops) {
        Set<String> putKeys = new HashSet<>();
        for (TxnOp op : ops) {
            if (isPut(op) && !putKeys.add(op.key())) {
                throw new IllegalArgumentException("transaction writes key " + op.key()
                        + " twice; etcd refuses that (put each key once per transaction)");
            }
        }
        for (TxnOp op : ops) {
            boolean prefix = op instanceof TxnOp.DeletePrefix;
            if (isPut(op) || op instanceof TxnOp.Unchanged) {
                continue;
            }
            for (String key : putKeys) {
                if (prefix ? key.startsWith(op.key()) : key.equals(op.key())) {
                    throw new IllegalArgumentException("transaction both writes and deletes key " + key
                            + "; etcd refuses that (split it into two transactions)");
                }
            }
        }
    }

    private static boolean isPut(TxnOp op) {
        return switch (op) {
            case TxnOp.Create _, TxnOp.Update _, TxnOp.Put _ -> true;
            case TxnOp.Delete _, TxnOp.Unchanged _, TxnOp.Remove _, TxnOp.DeletePrefix _ -> false;
        };
    }
}
