package io.tabby.datastore.backend.etcd;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.BackendContract;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole {@link BackendContract} against a real etcd process: the in-memory fake and the etcd
 * adapter are held to the same written semantics.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBackendContractIT extends BackendContract {

    private final EtcdServer etcd;
    private final Backend backend;

    EtcdBackendContractIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.backend = EtcdBackend.connect(TestEtcdSettings.of(etcd));
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    @Override
    protected Backend backend() {
        return backend;
    }

    @Override
    protected void compact(long revision) {
        etcd.compact(revision);
    }

    @Override
    protected void advanceTime(Duration amount) {
        // a real etcd's lease clock cannot be moved: really wait (the contract keeps TTLs short)
        try {
            Thread.sleep(amount);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for lease time to pass", e);
        }
    }
}
