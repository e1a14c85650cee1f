package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.WatchResponse;
import io.etcd.jetcd.common.exception.EtcdExceptionFactory;
import io.etcd.jetcd.options.WatchOption;
import io.grpc.Status;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The watch guarantees on top of jetcd, driven through jetcd's own callback interface with the
 * responses etcd would send (and the replays jetcd's resume produces). Real-etcd behaviour is
 * covered by {@link EtcdBackendWatchIT}.
 */
class EtcdWatchTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    private final ScriptedWatchClient client = new ScriptedWatchClient();
    private final RecordingListener listener = new RecordingListener();
    private final EtcdErrors errors =
            new EtcdErrors("http://127.0.0.1:2379", Duration.ofSeconds(5), Optional.empty(), () -> { });

    @Test
    void deliversEachRevisionOnceEvenWhenReplayed() {
        EtcdWatch.start(client, "/calico/", 5, listener, errors, closed -> { });

        client.listener.onNext(response(put("/calico/a", 5), put("/calico/b", 6)));
        client.listener.onNext(response(put("/calico/b", 6), put("/calico/c", 7))); // 6 again, as after a resume
        client.listener.onNext(response(put("/calico/a", 4), put("/calico/d", 8))); // older than the start

        await().atMost(BOUND).until(() -> listener.events().size() == 4);
        assertThat(listener.events()).extracting(WatchEvent::revision).containsExactly(5L, 6L, 7L, 8L);
    }

    @Test
    void splitsResponsesIntoOneBatchPerRevision() {
        EtcdWatch.start(client, "/calico/", 1, listener, errors, closed -> { });

        client.listener.onNext(response(put("/calico/a", 3), delete("/calico/b", 3), put("/calico/c", 4)));

        await().atMost(BOUND).until(() -> listener.batches.size() == 2);
        assertThat(listener.batches.get(0)).containsExactly(
                WatchEvent.put("/calico/a", "v", 3), WatchEvent.delete("/calico/b", 3));
        assertThat(listener.batches.get(1)).containsExactly(WatchEvent.put("/calico/c", "v", 4));
    }

    @Test
    void reportsTheFirstErrorOnceThenStaysSilentAndClosesJetcdsWatcher() {
        EtcdWatch.start(client, "/calico/", 1, listener, errors, closed -> { });

        client.listener.onNext(response(put("/calico/a", 2)));
        client.listener.onError(EtcdExceptionFactory.toEtcdException(Status.UNAVAILABLE.withDescription("gone")));
        client.listener.onNext(response(put("/calico/b", 3))); // jetcd's own resume would send this
        client.listener.onError(EtcdExceptionFactory.toEtcdException(Status.UNAVAILABLE));
        client.listener.onCompleted();

        await().atMost(BOUND).until(client.closed::get);
        assertThat(listener.errors).singleElement().isInstanceOf(UnavailableException.class);
        assertThat(listener.events()).extracting(WatchEvent::key).containsExactly("/calico/a");
    }

    @Test
    void compactionIsReportedWithBothRevisions() {
        EtcdWatch.start(client, "/calico/", 3, listener, errors, closed -> { });

        client.listener.onError(EtcdExceptionFactory.newCompactedException(9));

        await().atMost(BOUND).until(() -> !listener.errors.isEmpty());
        assertThat(listener.errors).singleElement().isInstanceOfSatisfying(CompactedException.class, e -> {
            assertThat(e.requestedRevision()).isEqualTo(3);
            assertThat(e.compactRevision()).isEqualTo(9);
        });
    }

    @Test
    void aStreamThatEndsWithoutErrorIsAFailure() {
        EtcdWatch.start(client, "/calico/", 1, listener, errors, closed -> { });

        client.listener.onCompleted();

        await().atMost(BOUND).until(() -> !listener.errors.isEmpty());
        assertThat(listener.errors).singleElement().isInstanceOf(UnavailableException.class);
    }

    @Test
    void progressNotificationsCarryTheHeaderRevision() {
        var watch = EtcdWatch.start(client, "/calico/", 1, listener, errors, closed -> { });

        watch.requestProgress();
        client.listener.onNext(new io.etcd.jetcd.watch.WatchResponse(WatchResponse.newBuilder()
                .setHeader(ResponseHeader.newBuilder().setRevision(42)).build()));

        await().atMost(BOUND).until(() -> !listener.progress.isEmpty());
        assertThat(client.progressRequests).isEqualTo(1);
        assertThat(listener.progress).containsExactly(42L);
    }

    @Test
    void nothingIsDeliveredAfterClose() {
        var watch = EtcdWatch.start(client, "/calico/", 1, listener, errors, closed -> { });

        watch.close();
        client.listener.onNext(response(put("/calico/a", 2)));
        client.listener.onError(EtcdExceptionFactory.toEtcdException(Status.UNAVAILABLE));

        assertThat(client.closed).isTrue();
        assertThat(listener.events()).isEmpty();
        assertThat(listener.errors).isEmpty();
    }

    @Test
    void aThrowingListenerDoesNotKillTheWatch() {
        RecordingListener throwingOnce = new RecordingListener() {
            private final AtomicBoolean thrown = new AtomicBoolean();

            @Override
            public void onEvents(List<WatchEvent> events) {
                super.onEvents(events);
                if (thrown.compareAndSet(false, true)) {
                    throw new IllegalStateException("listener bug");
                }
            }
        };
        EtcdWatch.start(client, "/calico/", 1, throwingOnce, errors, closed -> { });

        client.listener.onNext(response(put("/calico/a", 2)));
        client.listener.onNext(response(put("/calico/b", 3)));

        await().atMost(BOUND).until(() -> throwingOnce.events().size() == 2);
        assertThat(throwingOnce.errors).isEmpty();
    }

    private static io.etcd.jetcd.watch.WatchResponse response(Event... events) {
        long last = events[events.length - 1].getKv().getModRevision();
        return new io.etcd.jetcd.watch.WatchResponse(WatchResponse.newBuilder()
                .setHeader(ResponseHeader.newBuilder().setRevision(last))
                .addAllEvents(List.of(events))
                .build());
    }

    private static Event put(String key, long revision) {
        return Event.newBuilder().setType(Event.EventType.PUT).setKv(io.etcd.jetcd.api.KeyValue.newBuilder()
                .setKey(ByteString.copyFromUtf8(key)).setValue(ByteString.copyFromUtf8("v"))
                .setModRevision(revision)).build();
    }

    private static Event delete(String key, long revision) {
        return Event.newBuilder().setType(Event.EventType.DELETE).setKv(io.etcd.jetcd.api.KeyValue.newBuilder()
                .setKey(ByteString.copyFromUtf8(key)).setModRevision(revision)).build();
    }

    /** jetcd's watch client interface, answering with whatever the test feeds its listener. */
    private static final class ScriptedWatchClient implements Watch {
        volatile Watch.Listener listener;
        final AtomicBoolean closed = new AtomicBoolean();
        volatile int progressRequests;

        @Override
        public Watcher watch(ByteSequence key, WatchOption option, Listener listener) {
            this.listener = listener;
            return new Watcher() {
                @Override
                public void close() {
                    closed.set(true);
                }

                @Override
                public boolean isClosed() {
                    return closed.get();
                }

                @Override
                public void requestProgress() {
                    progressRequests++;
                }
            };
        }

        @Override
        public void requestProgress() {
            progressRequests++;
        }
    }
}
