package io.tabby.bird.rib;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.Ipv4Prefix;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefixTableTest {
    /** A value that names its key, as a Loc-RIB entry names its prefix. */
    private record Cell(Ipv4Prefix key, int value) {
    }

    private static PrefixTable<Cell> table() {
        return new PrefixTable<>(Cell::key);
    }

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        PrefixTable<Cell> table = table();
        Map<Ipv4Prefix, Cell> reference = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            // A small key space so removals hit, probe runs wrap and resizes happen.
            Ipv4Prefix key = new Ipv4Prefix(random.nextInt(3000) << 8, 24);
            if (random.nextInt(3) == 0) {
                assertThat(table.remove(key)).isEqualTo(reference.remove(key));
            } else {
                Cell cell = new Cell(key, step);
                assertThat(table.put(cell)).isEqualTo(reference.put(key, cell));
            }
            assertThat(table.size()).isEqualTo(reference.size());
        }
        for (Map.Entry<Ipv4Prefix, Cell> e : reference.entrySet()) {
            assertThat(table.get(e.getKey())).isEqualTo(e.getValue());
        }
        Map<Ipv4Prefix, Cell> visited = new HashMap<>();
        table.forEach(cell -> visited.put(cell.key(), cell));
        assertThat(visited).isEqualTo(reference);
        assertThat(table.values()).hasSize(reference.size());
    }

    @Test
    void computeIfAbsentCreatesOnce() {
        PrefixTable<Cell> table = table();
        Ipv4Prefix key = Ipv4Prefix.parse("10.0.0.0/26");
        assertThat(table.computeIfAbsent(key, k -> new Cell(key, 1)).value()).isEqualTo(1);
        assertThat(table.computeIfAbsent(key, k -> new Cell(key, 2)).value()).isEqualTo(1);
        assertThat(table.get(Ipv4Prefix.parse("10.0.0.0/27"))).isNull();
        assertThat(table.remove(key).value()).isEqualTo(1);
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.get(key)).isNull();
    }

    @Test
    void computeIfAbsentGrowsTheTableLikePut() {
        PrefixTable<Cell> table = table();
        for (int i = 0; i < 10_000; i++) {
            int value = i;
            assertThat(table.computeIfAbsent(new Ipv4Prefix(i << 6, 26), k -> new Cell((Ipv4Prefix) k, value))
                    .value()).isEqualTo(i);
        }
        assertThat(table.size()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(table.get(new Ipv4Prefix(i << 6, 26)).value()).isEqualTo(i);
        }
    }

    @Test
    void storedHashesAreNeverTheFreeSlotMarkAndKeepTheHomeSlot() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Ipv4Prefix key = new Ipv4Prefix(random.nextInt(), 32);
            int hash = PrefixTable.hash(key);
            assertThat(hash).isNotZero();
            assertThat(hash & 0xFFFF).isEqualTo(PrefixTable.slot(key, 0xFFFF));
        }
    }

    @Test
    void calicoLikePrefixesSpreadOverTheTable() {
        // /26../32 prefixes, one per /26: their hashes differ only above the low six address bits
        int capacity = 1 << 16;
        boolean[] used = new boolean[capacity];
        long probes = 0;
        int count = capacity / 2;
        for (int i = 0; i < count; i++) {
            int slot = PrefixTable.slot(new Ipv4Prefix((32 << 24) + (i << 6), 26 + i % 7), capacity - 1);
            probes++;
            while (used[slot]) {
                slot = (slot + 1) & (capacity - 1);
                probes++;
            }
            used[slot] = true;
        }
        // linear probing at load 1/2 with uniform hashing averages 1.5 probes per insert
        assertThat((double) probes / count).isLessThan(1.7);
    }
}
