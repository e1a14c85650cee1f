package io.tabby.ipam.it;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.testkit.etcd.EtcdServer;
import java.time.Duration;
import java.util.List;

/** Connects to a testkit etcd as a Tabby component would, and empties the keyspace between tests. */
final class EtcdBackends {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private EtcdBackends() {}

    static Backend connect(EtcdServer etcd) {
        return EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()).withTimeouts(REQUEST_TIMEOUT, CONNECT_TIMEOUT));
    }

    static void wipe(Backend backend) {
        backend.commit(List.of(TxnOp.deletePrefix("/calico/")));
    }
}
