package io.tabby.ctl.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.testing.InMemoryBackend;
import org.junit.jupiter.api.Test;

class V1SnapshotTest {

    @Test
    void oneListOfTheV1KeysWithItsRevision() {
        InMemoryBackend store = new InMemoryBackend();
        store.put("/calico/v1/policy/profile/kns.a/rules", "{}");
        store.put("/calico/ipam/v2/handle/x", "{}");
        long last = store.put("/calico/v1/host/node1/bird_ip", "\"10.0.0.1\"");

        V1Snapshot snapshot = V1Snapshot.read(store);

        assertThat(snapshot.values()).containsOnlyKeys("/calico/v1/host/node1/bird_ip",
                "/calico/v1/policy/profile/kns.a/rules");
        assertThat(snapshot.revision()).isEqualTo(last);
    }
}
