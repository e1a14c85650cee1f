package io.tabby.confd.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.syncer.Update;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** memkv's semantics, on the cases its own tests use, plus Tabby's "missing is empty". */
class KvViewTest {
    private final KvView view = KvView.of(Map.of(
            "/app/db/pass", "foo",
            "/app/db/user", "admin",
            "/app/port", "443",
            "/app/url", "app.example.com",
            "/app/vhosts/host1", "app.example.com",
            "/app/upstream/host1", "203.0.113.0.1:8080",
            "/app/upstream/host2", "203.0.113.0.2:8080"));

    @Test
    void lsListsLeavesAndDirectoriesOnce() {
        assertThat(view.list("/app")).containsExactly("db", "port", "upstream", "url", "vhosts");
        assertThat(view.list("/app/")).containsExactly("db", "port", "upstream", "url", "vhosts");
        assertThat(view.list("/app/upstream")).containsExactly("host1", "host2");
        assertThat(view.list("/app/port")).containsExactly("port");
        assertThat(view.list("/nothing")).isEmpty();
    }

    @Test
    void lsdirListsOnlyDirectories() {
        assertThat(view.listDirs("/app")).containsExactly("db", "upstream", "vhosts");
        assertThat(view.listDirs("/app/upstream")).isEmpty();
        assertThat(view.listDirs("/nothing")).isEmpty();
    }

    @Test
    void globsSortPairsByKeyAndValuesByValue() {
        assertThat(view.glob(GlobPattern.compile("/app/upstream/*")))
                .containsExactly(new KvPair("/app/upstream/host1", "203.0.113.0.1:8080"),
                        new KvPair("/app/upstream/host2", "203.0.113.0.2:8080"));
        assertThat(view.globValues(GlobPattern.compile("/app/db/*"))).containsExactly("admin", "foo");
        assertThat(view.glob(GlobPattern.compile("/none/*"))).isEmpty();
    }

    @Test
    void getAndExistsAreExact() {
        assertThat(view.get("/app/port")).contains(new KvPair("/app/port", "443"));
        assertThat(view.get("/app/db")).isEmpty();
        assertThat(view.exists("/app/db/user")).isTrue();
        assertThat(view.exists("/app/db")).isFalse();
    }

    @Test
    void storeViewsStripTheResourcePrefix() {
        KeyValueStore store = new KeyValueStore();
        store.applyAll(List.of(
                new Update("/calico/bgp/v1/host/n1/ip_addr_v4", "10.0.0.1", 2),
                new Update("/calico/bgp/v1/global/as_num", "64512", 3),
                new Update("/calico/bgp/v1/global/node_mesh", "{\"enabled\":true}", 4),
                new Update("/calico/v1/ipam/v4/pool/10.0.0.0-16", "{}", 5)));
        store.apply(new Update("/calico/bgp/v1/global/node_mesh", null, 6));

        KvView bgp = store.view("/calico/bgp/v1", List.of("/calico/bgp/v1/host", "/calico/bgp/v1/global"));

        assertThat(bgp.entries()).containsExactly(
                Map.entry("/global/as_num", "64512"), Map.entry("/host/n1/ip_addr_v4", "10.0.0.1"));
        assertThat(store.view("/", List.of("/calico/v1/ipam")).entries())
                .containsOnlyKeys("/calico/v1/ipam/v4/pool/10.0.0.0-16");
    }
}
