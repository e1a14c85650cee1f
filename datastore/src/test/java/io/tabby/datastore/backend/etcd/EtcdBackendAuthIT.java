package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.PermissionDeniedException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An etcd with authentication: root writes, a read-only user reads /calico/, wrong passwords are refused. */
@RealEtcd(auth = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBackendAuthIT {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String READER = "calico-reader";
    private static final String READER_PASSWORD = "reader-" + UUID.randomUUID();

    private final EtcdServer etcd;
    private final Backend root;
    private final String key = "/calico/it/" + UUID.randomUUID() + "/owned";

    EtcdBackendAuthIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.root = EtcdBackend.connect(TestEtcdSettings.of(etcd));
        etcd.etcdctl("role", "add", READER);
        etcd.etcdctl("role", "grant-permission", READER, "--prefix=true", "read", "/calico/");
        etcd.etcdctl("user", "add", READER, "--new-user-password=" + READER_PASSWORD);
        etcd.etcdctl("user", "grant-role", READER, READER);
    }

    @AfterAll
    void closeBackend() {
        root.close();
    }

    @Test
    void rootCanWriteAndRead() {
        String own = key + "-created";
        long revision = root.create(own, "by root");

        assertThat(root.get(own)).map(KeyValue::modRevision).contains(revision);
    }

    @Test
    void aReadOnlyUserReadsButCannotWrite() {
        root.put(key, "by root");

        try (Backend reader = connectAs(READER, READER_PASSWORD)) {
            assertThat(reader.get(key)).map(KeyValue::value).contains("by root");
            assertThat(reader.list(key).kvs()).hasSize(1);
            assertThat(reader.currentRevision()).isPositive();
            assertThatThrownBy(() -> reader.put(key, "by reader"))
                    .isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining("for user " + READER)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> reader.commit(List.of(TxnOp.put(key + "-2", "x"))))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> reader.get("/outside/calico"))
                    .isInstanceOf(PermissionDeniedException.class);
        }
        assertThat(root.get(key)).map(KeyValue::value).contains("by root");
    }

    @Test
    void aReadOnlyUserCanWatchItsPrefixButNotOthers() {
        try (Backend reader = connectAs(READER, READER_PASSWORD)) {
            RecordingListener allowed = new RecordingListener();
            RecordingListener forbidden = new RecordingListener();
            long from = root.currentRevision() + 1;
            try (WatchHandle _ = reader.watch(key, from, allowed);
                    WatchHandle _ = reader.watch("/outside/", from, forbidden)) {
                root.put(key, "watched");
                await().atMost(BOUND).until(() -> !allowed.events().isEmpty() && !forbidden.errors.isEmpty());

                assertThat(allowed.errors).isEmpty();
                assertThat(forbidden.errors).singleElement().isInstanceOf(PermissionDeniedException.class);
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Backend impostor = connectAs("root", "not-the-password")) {
            assertThatThrownBy(() -> impostor.get(key))
                    .isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining("for user root")
                    .hasMessageContaining("ETCD_USERNAME/ETCD_PASSWORD");
        }
    }

    @Test
    void noCredentialsAreRefused() {
        EtcdSettings anonymous = EtcdSettings.of(etcd.endpoints())
                .withTimeouts(TestEtcdSettings.REQUEST_TIMEOUT, TestEtcdSettings.CONNECT_TIMEOUT);

        try (Backend backend = EtcdBackend.connect(anonymous)) {
            assertThatThrownBy(() -> backend.put(key + "-anonymous", "x"))
                    .isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining("(no user given)");
        }
    }

    private Backend connectAs(String user, String password) {
        return EtcdBackend.connect(EtcdSettings.of(etcd.endpoints())
                .withTimeouts(TestEtcdSettings.REQUEST_TIMEOUT, TestEtcdSettings.CONNECT_TIMEOUT)
                .withAuth(user, password));
    }
}
