package io.tabby.confd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code -node} values become etcd endpoints. */
class EtcdFlagsTest {
    @Test
    void noNodeMeansTheLocalDefault() {
        assertThat(EtcdFlags.settings(List.of(), null, null, null, false, null, null).endpoints())
                .containsExactly("http://127.0.0.1:2379");
    }

    @Test
    void repeatedAndCommaSeparatedNodesAreAllEndpoints() {
        var settings = EtcdFlags.settings(List.of("http://10.0.0.1:2379, http://10.0.0.2:2379,", "http://10.0.0.3:2379"),
                null, null, null, false, null, null);
        assertThat(settings.endpoints())
                .containsExactly("http://10.0.0.1:2379", "http://10.0.0.2:2379", "http://10.0.0.3:2379");
    }
}
