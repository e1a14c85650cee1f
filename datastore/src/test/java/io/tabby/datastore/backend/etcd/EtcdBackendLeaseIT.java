package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.Lease;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Leases against a real etcd: expiry, keep-alive, revoke. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBackendLeaseIT {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Duration EXPIRY_BOUND = Duration.ofSeconds(15);

    private final Backend backend;
    private final String prefix = "/calico/it/" + UUID.randomUUID() + "/";

    EtcdBackendLeaseIT(EtcdServer etcd) {
        this.backend = EtcdBackend.connect(TestEtcdSettings.of(etcd));
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    @Test
    void keysOfAnExpiredLeaseVanish() {
        Lease lease = backend.grantLease(TTL);
        String created = prefix + "expiring/created";
        String put = prefix + "expiring/put";
        backend.create(created, "x", lease.id());
        backend.put(put, "y", lease.id());

        assertThat(lease.ttl()).isGreaterThanOrEqualTo(TTL);
        assertThat(backend.get(created)).map(KeyValue::leaseId).contains(lease.id());
        await().atMost(EXPIRY_BOUND).until(() -> backend.list(prefix + "expiring/").kvs().isEmpty());
        assertThatThrownBy(() -> backend.keepAliveOnce(lease.id())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("expired or was revoked");
    }

    @Test
    void keepAliveOutlivesAnUnrefreshedLease() {
        Lease kept = backend.grantLease(TTL);
        Lease dropped = backend.grantLease(TTL);
        backend.put(prefix + "kept", "x", kept.id());
        backend.put(prefix + "dropped", "x", dropped.id());

        // refresh one lease on every poll until the other one has expired
        await().atMost(EXPIRY_BOUND).pollInterval(Duration.ofMillis(300)).until(() -> {
            assertThat(backend.keepAliveOnce(kept.id())).isPositive();
            return backend.get(prefix + "dropped").isEmpty();
        });

        assertThat(backend.get(prefix + "kept")).isPresent();
        backend.revokeLease(kept.id());
    }

    @Test
    void revokeDeletesAttachedKeysAtOnce() {
        Lease lease = backend.grantLease(Duration.ofMinutes(5));
        backend.commit(List.of(new TxnOp.Create(prefix + "revoked/a", "1", lease.id()),
                new TxnOp.Put(prefix + "revoked/b", "2", lease.id())));

        backend.revokeLease(lease.id());

        assertThat(backend.list(prefix + "revoked/").kvs()).isEmpty();
        assertThatThrownBy(() -> backend.keepAliveOnce(lease.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void revokingAnUnknownLeaseIsHarmless() {
        Lease lease = backend.grantLease(TTL);
        backend.revokeLease(lease.id());

        backend.revokeLease(lease.id());
        backend.revokeLease(0x7eadbeefL);

        assertThatThrownBy(() -> backend.keepAliveOnce(lease.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void writingWithAnUnknownLeaseIsNotFound() {
        assertThatThrownBy(() -> backend.put(prefix + "orphan", "x", 0x7eadbeefL))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("lease");
        assertThat(backend.get(prefix + "orphan")).isEmpty();
    }

    @Test
    void leaseTtlIsRoundedUpToWholeSeconds() {
        Lease lease = backend.grantLease(Duration.ofMillis(2500));

        assertThat(lease.ttl()).isEqualTo(Duration.ofSeconds(3));
        backend.revokeLease(lease.id());
    }
}
