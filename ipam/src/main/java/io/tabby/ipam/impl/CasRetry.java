package io.tabby.ipam.impl;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.ipam.RetriesExhaustedException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A bounded compare-and-swap loop: re-runs an attempt (read, compute, conditional write) while
 * it loses to another writer, up to a limit (Calico's is 100), then gives up with
 * {@link RetriesExhaustedException} naming the key. After a few losses it backs off a random
 * millisecond or few, so that writers racing for one block stop colliding in lock-step.
 */
public final class CasRetry {

    /** Calico's {@code ipamEtcdRetries}. */
    public static final int DEFAULT_ATTEMPTS = 100;

    private static final Logger LOG = LogManager.getLogger(CasRetry.class);
    private static final int BACKOFF_AFTER = 3;
    private static final int MAX_BACKOFF_MILLIS = 20;

    private final int maxAttempts;

    public CasRetry(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts " + maxAttempts + " must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    /**
     * Runs {@code attempt} until it returns without a write conflict.
     *
     * @param key the key the attempt writes, for the error message
     * @throws RetriesExhaustedException after {@code maxAttempts} conflicts in a row
     */
    public <T> T run(String key, Supplier<T> attempt) {
        DatastoreException last = null;
        for (int i = 1; i <= maxAttempts; i++) {
            try {
                return attempt.get();
            } catch (RevisionConflictException | AlreadyExistsException | NotFoundException e) {
                last = e;
                LOG.debug("attempt {} on {} lost: {}", i, key, e.getMessage());
                backOff(i);
            }
        }
        throw new RetriesExhaustedException(key, maxAttempts, last);
    }

    private static void backOff(int attempt) {
        if (attempt >= BACKOFF_AFTER) {
            long millis = ThreadLocalRandom.current().nextLong(1, Math.min(attempt, MAX_BACKOFF_MILLIS) + 1);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }
}
