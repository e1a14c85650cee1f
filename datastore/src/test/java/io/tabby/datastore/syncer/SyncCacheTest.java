package io.tabby.datastore.syncer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.WatchEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncCacheTest {
    private final SyncCache cache = new SyncCache();

    private static KeyValue kv(String key, String value, long modRevision) {
        return new KeyValue(key, value, modRevision, modRevision, 1, 0);
    }

    @Test
    void firstResyncDeliversEveryKey() {
        var updates = cache.resync(new Snapshot(List.of(kv("/a", "1", 2), kv("/b", "1", 3)), 3));

        assertThat(updates).containsExactly(new Update("/a", "1", 2), new Update("/b", "1", 3));
    }

    @Test
    void laterResyncDeliversOnlyChangesAndDeletesForVanishedKeys() {
        cache.resync(new Snapshot(List.of(kv("/same", "1", 2), kv("/changed", "1", 3), kv("/gone", "1", 4)), 4));

        var updates = cache.resync(new Snapshot(List.of(kv("/same", "1", 2), kv("/changed", "2", 9),
                kv("/new", "1", 10)), 12));

        assertThat(updates).containsExactly(
                new Update("/changed", "2", 9), new Update("/new", "1", 10), new Update("/gone", null, 12));
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void watchEventsKeepTheCacheCurrent() {
        cache.resync(new Snapshot(List.of(kv("/a", "1", 2)), 2));

        assertThat(cache.apply(WatchEvent.put("/a", "2", 5))).contains(new Update("/a", "2", 5));
        assertThat(cache.apply(WatchEvent.delete("/a", 6))).contains(new Update("/a", null, 6));
        assertThat(cache.apply(WatchEvent.delete("/never-seen", 7))).isEmpty();

        // a snapshot holding exactly what the watch already delivered changes nothing
        cache.apply(WatchEvent.put("/b", "1", 8));
        assertThat(cache.resync(new Snapshot(List.of(kv("/b", "1", 8)), 9))).isEmpty();
    }
}
