package io.tabby.datastore.backend.etcd;

import static java.util.Objects.requireNonNull;

import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds out how far etcd has compacted. A range read at a compacted revision only says
 * "compacted"; a watch from that revision is cancelled with the compaction revision, so this
 * opens one, reads the answer and closes it. Used only on that error path.
 */
final class CompactionProbe {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private final Watch watch;

    CompactionProbe(Watch watch) {
        this.watch = requireNonNull(watch, "watch is null");
    }

    /** The oldest revision etcd still has, when it says so within a short wait. */
    Optional<Long> compactRevision(String prefix, long revision) {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        WatchOption option = WatchOption.builder()
                .withRange(EtcdKeyValues.rangeEnd(prefix)).withRevision(revision).build();
        Watch.Watcher watcher = watch.watch(EtcdKeyValues.rangeStart(prefix), option, new Watch.Listener() {
            @Override
            public void onNext(WatchResponse response) {
                answer.cancel(false); // not compacted after all
            }

            @Override
            public void onError(Throwable throwable) {
                if (throwable instanceof CompactedException compacted) {
                    answer.complete(compacted.getCompactedRevision());
                } else {
                    answer.completeExceptionally(throwable);
                }
            }

            @Override
            public void onCompleted() {
                answer.cancel(false);
            }
        });
        try {
            return Optional.of(answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            watcher.close();
        }
    }
}
