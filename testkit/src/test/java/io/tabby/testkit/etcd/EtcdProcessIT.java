package io.tabby.testkit.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

@RealEtcd
class EtcdProcessIT {

    private final EtcdServer etcd;

    EtcdProcessIT(EtcdServer etcd) {
        this.etcd = etcd;
    }

    @Test
    void servesPutsAndGetsOnLoopback() {
        assertThat(etcd.endpoints()).singleElement().asString().startsWith("http://127.0.0.1:");
        assertThat(etcd.tls()).isEmpty();
        assertThat(etcd.rootCredentials()).isEmpty();

        etcd.etcdctl("put", "/serves/a", "one");

        assertThat(etcd.etcdctl("get", "/serves/a", "--print-value-only").strip()).isEqualTo("one");
    }

    @Test
    void revisionGrowsWithEveryWrite() {
        long before = etcd.currentRevision();

        etcd.etcdctl("put", "/revision/a", "1");
        etcd.etcdctl("put", "/revision/a", "2");

        assertThat(etcd.currentRevision()).isEqualTo(before + 2);
    }

    @Test
    void stopAndStartKeepDataAndEndpoints() {
        // on an etcd the testkit does not control, stop() skips this test with the reason
        List<String> endpoints = etcd.endpoints();
        etcd.etcdctl("put", "/outage/kept", "yes");

        etcd.stop();
        assertThatThrownBy(() -> etcd.etcdctl("--command-timeout=1s", "get", "/outage/kept"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("etcdctl");
        etcd.start();

        assertThat(etcd.endpoints()).isEqualTo(endpoints);
        assertThat(etcd.etcdctl("get", "/outage/kept", "--print-value-only").strip()).isEqualTo("yes");
    }

    @Test
    void compactionRemovesOldRevisions() {
        etcd.etcdctl("put", "/compact/a", "old");
        long old = etcd.currentRevision();
        etcd.etcdctl("put", "/compact/a", "new");

        etcd.compact(etcd.currentRevision());

        assertThatThrownBy(() -> etcd.etcdctl("get", "/compact/a", "--rev=" + old))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("compacted");
        assertThat(etcd.etcdctl("get", "/compact/a", "--print-value-only").strip()).isEqualTo("new");
    }

    @Test
    void etcdctlFailureCarriesItsStderr() {
        assertThatThrownBy(() -> etcd.etcdctl("no-such-command"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("etcdctl no-such-command failed");
    }
}
