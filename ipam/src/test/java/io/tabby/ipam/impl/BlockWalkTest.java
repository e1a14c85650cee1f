package io.tabby.ipam.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Cidr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockWalkTest {

    @Test
    void fnv32IsGosFnv1() {
        assertThat(BlockWalk.fnv32("")).isEqualTo(0x811c9dc5);
        assertThat(BlockWalk.fnv32("a")).isEqualTo(0x050c5d7e);
        assertThat(BlockWalk.fnv32("foobar")).isEqualTo(0x31f0b262);
    }

    @Test
    void aWalkVisitsEveryBlockOnceAndIsTheSameForOneNode() {
        Cidr pool = Cidr.parse("10.0.0.0/24");
        List<Cidr> first = walk(pool, 28, "node-a");
        assertThat(first).hasSize(16).doesNotHaveDuplicates().allMatch(pool::contains)
                .allMatch(block -> block.prefixLength() == 28);
        assertThat(walk(pool, 28, "node-a")).isEqualTo(first);
        List<Cidr> starts = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            starts.add(walk(pool, 28, "node-" + n).getFirst());
        }
        assertThat(new HashSet<>(starts).size()).as("nodes start in different places").isGreaterThan(1);
    }

    @Test
    void hugeIpv6PoolsAreWalkedLazily() {
        Iterator<Cidr> walk = BlockWalk.blocksOf(Cidr.parse("fd80:24e2:f998:72d6::/64"), 122, "n1");
        Cidr first = walk.next();
        Cidr second = walk.next();
        assertThat(first.prefixLength()).isEqualTo(122);
        Cidr pool = Cidr.parse("fd80:24e2:f998:72d6::/64");
        java.math.BigInteger next = first.network().toBigInteger().add(java.math.BigInteger.valueOf(64));
        assertThat(second.network().toBigInteger()).isIn(next, pool.network().toBigInteger());
    }

    private static List<Cidr> walk(Cidr pool, int prefix, String node) {
        List<Cidr> blocks = new ArrayList<>();
        BlockWalk.blocksOf(pool, prefix, node).forEachRemaining(blocks::add);
        return blocks;
    }
}
