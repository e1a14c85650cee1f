package io.tabby.datastore.backend.etcd;

import static io.tabby.datastore.backend.etcd.EtcdKeyValues.bytes;
import static java.util.Objects.requireNonNull;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.backend.TxnOp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One etcd transaction for a list of {@link TxnOp}s. The If part holds every op's condition,
 * Then the writes; the Else part reads each conditioned key, so when the transaction fails the
 * same round trip tells which op failed first and why, at the revision the conditions saw.
 *
 * <p>Conditions: a create needs {@code version == 0}; an update or delete needs
 * {@code mod_revision == expected}, which a missing key (compared as revision 0) never meets for
 * a positive expected revision; expecting 0 or less also needs {@code version > 0}, so it can
 * never create a key. An Unchanged op is {@code mod_revision == expected}, or {@code version == 0}
 * for an expected 0. Remove and DeletePrefix have none. etcd refuses a
 * transaction that writes one key twice or has more than {@code --max-txn-ops} (default 128)
 * ops; that is a caller error and surfaces as {@link IllegalArgumentException}.
 */
final class EtcdTxn {

    private final List<TxnOp> ops;
    private final List<TxnOp> conditional;

    EtcdTxn(List<TxnOp> ops) {
        this.ops = List.copyOf(requireNonNull(ops, "ops is null"));
        this.conditional = this.ops.stream()
                .filter(op -> switch (op) {
                    case TxnOp.Create c -> true;
                    case TxnOp.Update u -> true;
                    case TxnOp.Delete d -> true;
                    case TxnOp.Unchanged un -> true;
                    case TxnOp.Put p -> false;
                    case TxnOp.Remove r -> false;
                    case TxnOp.DeletePrefix dp -> false;
                })
                .toList();
        for (TxnOp op : this.ops) {
            if (op instanceof TxnOp.DeletePrefix(String prefix) && prefix.isEmpty()) {
                throw new IllegalArgumentException("refusing to delete every key in etcd: DeletePrefix needs a prefix");
            }
        }
    }

    /** Runs the transaction; returns its revision or throws the failure of the first failing op. */
    long commit(KV kv, EtcdCalls calls) {
        List<Cmp> compares = compares();
        List<Op> writes = new ArrayList<>();
        for (TxnOp op : ops) {
            if (!(op instanceof TxnOp.Unchanged)) {
                writes.add(write(op));
            }
        }
        Op[] reads = conditional.stream().map(op -> Op.get(bytes(op.key()), GetOption.DEFAULT)).toArray(Op[]::new);
        TxnResponse response = calls.awaitDescribing(() -> kv.txn()
                .If(compares.toArray(Cmp[]::new))
                .Then(writes.toArray(Op[]::new))
                .Else(reads)
                .commit(), this::describe, 0);
        if (response.isSucceeded()) {
            return response.getHeader().getRevision();
        }
        throw firstFailure(response.getGetResponses());
    }

    /** The If part: every op's condition, in op order. */
    List<Cmp> compares() {
        List<Cmp> compares = new ArrayList<>();
        for (TxnOp op : ops) {
            compares.addAll(compares(op));
        }
        return compares;
    }

    /** What this transaction does, for error messages. */
    String describe() {
        if (ops.size() == 1) {
            return describe(ops.getFirst());
        }
        return "transaction of " + ops.size() + " ops (" + ops.stream().limit(3).map(EtcdTxn::describe)
                .collect(Collectors.joining(", ")) + (ops.size() > 3 ? ", ..." : "") + ")";
    }

    private DatastoreException firstFailure(List<GetResponse> reads) {
        for (int i = 0; i < conditional.size(); i++) {
            TxnOp op = conditional.get(i);
            var found = reads.get(i).getKvs().stream().findFirst();
            switch (op) {
                case TxnOp.Create c -> {
                    if (found.isPresent()) {
                        return new AlreadyExistsException(c.key());
                    }
                }
                case TxnOp.Update u -> {
                    if (found.isEmpty()) {
                        return new NotFoundException(u.key());
                    }
                    if (found.get().getModRevision() != u.expectedModRevision()) {
                        return new RevisionConflictException(u.key(), u.expectedModRevision(),
                                found.get().getModRevision());
                    }
                }
                case TxnOp.Delete d -> {
                    if (found.isEmpty()) {
                        return new NotFoundException(d.key());
                    }
                    if (found.get().getModRevision() != d.expectedModRevision()) {
                        return new RevisionConflictException(d.key(), d.expectedModRevision(),
                                found.get().getModRevision());
                    }
                }
                case TxnOp.Unchanged un -> {
                    long actual = found.map(kv -> kv.getModRevision()).orElse(0L);
                    if (actual != un.expectedModRevision()) {
                        if (un.expectedModRevision() == 0) {
                            return new AlreadyExistsException(un.key());
                        }
                        if (found.isEmpty()) {
                            return new NotFoundException(un.key());
                        }
                        return new RevisionConflictException(un.key(), un.expectedModRevision(), actual);
                    }
                }
                case TxnOp.Put p -> throw unconditional(p);
                case TxnOp.Remove r -> throw unconditional(r);
                case TxnOp.DeletePrefix dp -> throw unconditional(dp);
            }
        }
        // the reads ran at the revision the conditions were checked at, so one of them must explain it
        throw new IllegalStateException("etcd failed " + describe() + " but every condition holds in its own reads");
    }

    private static IllegalStateException unconditional(TxnOp op) {
        return new IllegalStateException("unconditional op among conditions: " + op);
    }

    private static List<Cmp> compares(TxnOp op) {
        return switch (op) {
            case TxnOp.Create c -> List.of(new Cmp(bytes(c.key()), Cmp.Op.EQUAL, CmpTarget.version(0)));
            case TxnOp.Update u -> exists(u.key(), u.expectedModRevision());
            case TxnOp.Delete d -> exists(d.key(), d.expectedModRevision());
            case TxnOp.Unchanged un -> un.expectedModRevision() == 0
                    ? List.of(new Cmp(bytes(un.key()), Cmp.Op.EQUAL, CmpTarget.version(0)))
                    : exists(un.key(), un.expectedModRevision());
            case TxnOp.Put p -> List.of();
            case TxnOp.Remove r -> List.of();
            case TxnOp.DeletePrefix dp -> List.of();
        };
    }

    /**
     * The key exists at {@code modRevision}. etcd compares a missing key as if every revision
     * were 0, so for a real revision (positive) {@code mod_revision == expected} alone already
     * implies existence; only an expected revision of 0 or less needs {@code version > 0}
     * beside it (it must fail, not match a missing key).
     */
    private static List<Cmp> exists(String key, long modRevision) {
        ByteSequence name = bytes(key);
        Cmp atRevision = new Cmp(name, Cmp.Op.EQUAL, CmpTarget.modRevision(modRevision));
        return modRevision > 0 ? List.of(atRevision)
                : List.of(new Cmp(name, Cmp.Op.GREATER, CmpTarget.version(0)), atRevision);
    }

    private static Op write(TxnOp op) {
        return switch (op) {
            case TxnOp.Create c -> Op.put(bytes(c.key()), bytes(c.value()), lease(c.leaseId()));
            case TxnOp.Update u -> Op.put(bytes(u.key()), bytes(u.value()), PutOption.DEFAULT);
            case TxnOp.Put p -> Op.put(bytes(p.key()), bytes(p.value()), lease(p.leaseId()));
            case TxnOp.Delete d -> Op.delete(bytes(d.key()), DeleteOption.DEFAULT);
            case TxnOp.Unchanged un -> throw new IllegalStateException("a compare-only op has no write: " + un);
            case TxnOp.Remove r -> Op.delete(bytes(r.key()), DeleteOption.DEFAULT);
            case TxnOp.DeletePrefix dp -> Op.delete(bytes(dp.key()), DeleteOption.builder().isPrefix(true).build());
        };
    }

    private static PutOption lease(long leaseId) {
        return leaseId == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(leaseId).build();
    }

    private static String describe(TxnOp op) {
        return switch (op) {
            case TxnOp.Create c -> "create " + c.key();
            case TxnOp.Update u -> "update " + u.key() + " at mod revision " + u.expectedModRevision();
            case TxnOp.Put p -> "put " + p.key();
            case TxnOp.Delete d -> "delete " + d.key() + " at mod revision " + d.expectedModRevision();
            case TxnOp.Unchanged un -> "check " + un.key() + " still at mod revision " + un.expectedModRevision();
            case TxnOp.Remove r -> "remove " + r.key();
            case TxnOp.DeletePrefix dp -> "delete prefix " + dp.key();
        };
    }
}
