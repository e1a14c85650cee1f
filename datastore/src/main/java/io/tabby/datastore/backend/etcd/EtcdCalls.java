package io.tabby.datastore.backend.etcd;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.UnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waits for jetcd futures with a bound, so every Backend call returns or throws a typed
 * exception within the request timeout (plus a little slack for the gRPC deadline to fire
 * first and give the more precise error).
 */
final class EtcdCalls {

    private static final Duration SLACK = Duration.ofMillis(500);

    private final Duration timeout;
    private final EtcdErrors errors;

    EtcdCalls(Duration timeout, EtcdErrors errors) {
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    EtcdErrors errors() {
        return errors;
    }

    <T> T await(Supplier<CompletableFuture<T>> call, String operation) {
        return await(call, operation, 0);
    }

    /** As {@link #await(Supplier, String)}, naming the revision the call reads at (for compaction errors). */
    <T> T await(Supplier<CompletableFuture<T>> call, String operation, long revision) {
        return awaitDescribing(call, () -> operation, revision);
    }

    /**
     * As {@link #await(Supplier, String, long)}, building the operation's description only when
     * the call fails: a transaction's names several keys, and most calls succeed.
     */
    <T> T awaitDescribing(Supplier<CompletableFuture<T>> call, Supplier<String> describe, long revision) {
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            throw errors.map(e, describe.get(), revision);
        }
        try {
            return future.get(timeout.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw errors.timedOut(describe.get());
        } catch (ExecutionException e) {
            throw errors.map(e.getCause(), describe.get(), revision);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for etcd to answer " + describe.get(), e);
        }
    }
}
