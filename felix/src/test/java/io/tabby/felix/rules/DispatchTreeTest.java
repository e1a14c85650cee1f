package io.tabby.felix.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: after any sequence of interface additions and removals, the incrementally kept tree
 * equals {@link DispatchChains#of} of the same interfaces, and the deltas it returned turn the
 * previous chains into the new ones.
 */
class DispatchTreeTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void incrementalTreeEqualsAFreshOne(long seed) {
        Random random = new Random(seed);
        // A small alphabet and short names: deep splits, interfaces that are prefixes of others.
        String alphabet = seed % 2 == 0 ? "0123456789abcdef" : "ab";
        int length = seed % 2 == 0 ? 3 : 8;
        DispatchTree tree = DispatchTree.toWorkloads();
        TreeSet<String> ifaces = new TreeSet<>();
        Map<String, Chain> mirror = new HashMap<>(tree.chainsByName());
        for (int step = 0; step < 600; step++) {
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            int burst = random.nextInt(10) == 0 ? 20 : 1;
            for (int i = 0; i < burst; i++) {
                StringBuilder name = new StringBuilder("cali");
                int n = 1 + random.nextInt(length);
                for (int c = 0; c < n; c++) {
                    name.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (random.nextInt(3) == 0 && !ifaces.isEmpty()) {
                    String gone = ifaces.ceiling(name.toString());
                    removed.add(gone == null ? ifaces.first() : gone);
                } else {
                    added.add(name.toString());
                }
            }
            // The tree removes first, then adds.
            ifaces.removeAll(removed);
            ifaces.addAll(added);
            DispatchTree.Delta delta = tree.update(added, removed);
            delta.dropped().forEach(mirror::remove);
            delta.put().forEach(c -> mirror.put(c.name(), c));
            Map<String, Chain> fresh = new HashMap<>();
            DispatchChains.of(ChainNames.TO_WL_DISPATCH, "-o", List.copyOf(ifaces), false)
                    .forEach(c -> fresh.put(c.name(), c));
            assertThat(tree.chainsByName()).as("seed %d step %d", seed, step).isEqualTo(fresh);
            assertThat(mirror).as("deltas, seed %d step %d", seed, step).isEqualTo(fresh);
        }
    }

    @Test
    void addingOneInterfaceAmongThousandsChangesOneLeafPerTree() {
        DispatchTree tree = DispatchTree.fromWorkloads();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(String.format("cali%011x", (long) i * 2654435761L % 0xfffffffffffL));
        }
        tree.update(many, List.of());
        DispatchTree.Delta delta = tree.update(List.of("cali00000000abc"), List.of());
        assertThat(delta.dropped()).isEmpty();
        assertThat(delta.put()).hasSize(1);
        assertThat(delta.put().getFirst().rules()).hasSizeLessThanOrEqualTo(DispatchChains.LEAF_SIZE + 1);
    }
}
