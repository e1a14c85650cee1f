package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** etcd goes away and comes back: calls fail fast and typed, then work again; watches die once. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBackendOutageIT {

    /** Generous: the request timeout is 3 s; a hang would blow far past this. */
    private static final Duration FAIL_BOUND = Duration.ofSeconds(15);
    /** Includes gRPC's reconnect back-off after the outage. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

    private final EtcdServer etcd;
    private final Backend backend;
    private final String prefix = "/calico/it/" + UUID.randomUUID() + "/";

    EtcdBackendOutageIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.backend = EtcdBackend.connect(TestEtcdSettings.of(etcd));
    }

    @AfterAll
    void closeBackend() {
        etcd.start();
        backend.close();
    }

    @Test
    void callsFailTypedWhileEtcdIsDownAndWorkAfterItReturns() {
        backend.put(prefix + "survives", "yes");
        RecordingListener openWatch = new RecordingListener();
        WatchHandle watch = backend.watch(prefix, backend.currentRevision() + 1, openWatch);

        etcd.stop();
        try {
            await().atMost(FAIL_BOUND).until(() -> {
                assertThatThrownBy(() -> backend.get(prefix + "survives"))
                        .isInstanceOf(UnavailableException.class)
                        .hasMessageContaining(etcd.endpoints().getFirst())
                        .hasMessageContaining("check --etcd-endpoints/ETCD_ENDPOINTS");
                return true;
            });
            await().atMost(FAIL_BOUND).until(() -> {
                assertThatThrownBy(() -> backend.put(prefix + "lost", "x")).isInstanceOf(UnavailableException.class);
                return true;
            });
            await().atMost(FAIL_BOUND).until(() -> !openWatch.errors.isEmpty());
            RecordingListener lateWatch = new RecordingListener();
            backend.watch(prefix, 1, lateWatch);
            await().atMost(FAIL_BOUND).until(() -> !lateWatch.errors.isEmpty());
            assertThat(lateWatch.errors).singleElement().isInstanceOf(UnavailableException.class);
        } finally {
            etcd.start();
        }

        await().atMost(RECOVERY_BOUND).ignoreException(UnavailableException.class)
                .until(() -> backend.get(prefix + "survives").map(KeyValue::value).orElse("").equals("yes"));
        long after = backend.put(prefix + "after", "1");
        RecordingListener sentinel = new RecordingListener();
        try (WatchHandle _ = backend.watch(prefix + "after", after, sentinel)) {
            await().atMost(RECOVERY_BOUND).until(() -> !sentinel.events().isEmpty());
        }
        assertThat(openWatch.errors).singleElement().isInstanceOf(UnavailableException.class);
        assertThat(openWatch.events()).isEmpty();
        watch.close();
    }
}
