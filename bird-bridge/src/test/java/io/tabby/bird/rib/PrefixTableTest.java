package io.tabby.bird.rib;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.Ipv4Prefix;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefixTableTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        PrefixTable<Integer> table = new PrefixTable<>();
        Map<Object, Integer> reference = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            // A small key space so removals hit, probe runs wrap and resizes happen.
            Ipv4Prefix key = new Ipv4Prefix(random.nextInt(3000) << 8, 24);
            if (random.nextInt(3) == 0) {
                assertThat(table.remove(key)).isEqualTo(reference.remove(key));
            } else {
                assertThat(table.put(key, step)).isEqualTo(reference.put(key, step));
            }
            assertThat(table.size()).isEqualTo(reference.size());
        }
        for (Map.Entry<Object, Integer> e : reference.entrySet()) {
            assertThat(table.get(e.getKey())).isEqualTo(e.getValue());
        }
        Map<Object, Integer> visited = new HashMap<>();
        table.forEach(visited::put);
        assertThat(visited).isEqualTo(reference);
        assertThat(table.keys()).hasSize(reference.size());
    }

    @Test
    void computeIfAbsentAndClear() {
        PrefixTable<String> table = new PrefixTable<>();
        Ipv4Prefix key = Ipv4Prefix.parse("10.0.0.0/26");
        assertThat(table.computeIfAbsent(key, k -> "first")).isEqualTo("first");
        assertThat(table.computeIfAbsent(key, k -> "second")).isEqualTo("first");
        assertThat(table.get(new PathKey(key, 7))).isNull();
        table.clear();
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.get(key)).isNull();
    }
}
