package io.tabby.datastore.backend;

import static java.util.Objects.requireNonNull;

/** One operation inside {@link Backend#commit}; each carries its own condition, if any. */
public sealed interface TxnOp {

    /** The key (or, for {@link DeletePrefix}, the prefix) the op touches. */
    String key();

    /** Put {@code value} if {@code key} does not exist. */
    record Create(String key, String value, long leaseId) implements TxnOp {
        public Create {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /** Put {@code value} if {@code key}'s mod revision is {@code expectedModRevision}. */
    record Update(String key, String value, long expectedModRevision) implements TxnOp {
        public Update {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /** Put {@code value} unconditionally. */
    record Put(String key, String value, long leaseId) implements TxnOp {
        public Put {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /** Delete {@code key} if its mod revision is {@code expectedModRevision}. */
    record Delete(String key, long expectedModRevision) implements TxnOp {
        public Delete {
            requireNonNull(key, "key is null");
        }
    }

    /**
     * Write nothing, but commit the transaction only if {@code key}'s mod revision is still
     * {@code expectedModRevision} ({@code 0}: the key must be absent). For a writer whose decision
     * rests on keys it does not write, e.g. an IPAM assignment on the pool holding its block.
     */
    record Unchanged(String key, long expectedModRevision) implements TxnOp {
        public Unchanged {
            requireNonNull(key, "key is null");
            if (expectedModRevision < 0) {
                throw new IllegalArgumentException("expectedModRevision " + expectedModRevision + " is negative");
            }
        }
    }

    /** Delete {@code key} if it exists; absent is fine. */
    record Remove(String key) implements TxnOp {
        public Remove {
            requireNonNull(key, "key is null");
        }
    }

    /** Delete every key under the prefix {@code key}; none is fine. */
    record DeletePrefix(String key) implements TxnOp {
        public DeletePrefix {
            requireNonNull(key, "key is null");
        }
    }

    static TxnOp create(String key, String value) {
        return new Create(key, value, 0);
    }

    static TxnOp update(String key, String value, long expectedModRevision) {
        return new Update(key, value, expectedModRevision);
    }

    static TxnOp put(String key, String value) {
        return new Put(key, value, 0);
    }

    static TxnOp delete(String key, long expectedModRevision) {
        return new Delete(key, expectedModRevision);
    }

    static TxnOp unchanged(String key, long expectedModRevision) {
        return new Unchanged(key, expectedModRevision);
    }

    static TxnOp remove(String key) {
        return new Remove(key);
    }

    static TxnOp deletePrefix(String prefix) {
        return new DeletePrefix(prefix);
    }
}
