package io.tabby.ipam.impl;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The order in which a node visits the blocks of a pool, as Calico does it: a random start seeded
 * by the FNV-32 hash of the node name, then every block once, wrapping around. Different nodes
 * start in different places, so they rarely race for the same free block; one node always walks
 * the same way. (The start differs from Calico's since Go's and Java's generators differ.)
 */
final class BlockWalk {

    private static final int FNV32_OFFSET = 0x811c9dc5;
    private static final int FNV32_PRIME = 0x01000193;

    private BlockWalk() {}

    /** Every block of prefix {@code blockPrefix} in {@code pool}, lazily, in {@code node}'s order. */
    static Iterator<Cidr> blocksOf(Cidr pool, int blockPrefix, String node) {
        BigInteger count = BigInteger.ONE.shiftLeft(blockPrefix - pool.prefixLength());
        BigInteger blockSize = BigInteger.ONE.shiftLeft(pool.family().bits() - blockPrefix);
        BigInteger start = randomBelow(count, seeded(node));
        BigInteger base = pool.network().toBigInteger();
        return new Iterator<>() {
            private BigInteger visited = BigInteger.ZERO;

            @Override
            public boolean hasNext() {
                return visited.compareTo(count) < 0;
            }

            @Override
            public Cidr next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BigInteger index = start.add(visited).mod(count);
                visited = visited.add(BigInteger.ONE);
                return Cidr.of(IpAddr.of(pool.family(), base.add(index.multiply(blockSize))), blockPrefix);
            }
        };
    }

    /** {@code blocks} rotated to start at {@code node}'s random place: the borrowing order. */
    static <T> List<T> rotated(List<T> blocks, String node) {
        if (blocks.isEmpty()) {
            return blocks;
        }
        int start = seeded(node).nextInt(blocks.size());
        List<T> out = new ArrayList<>(blocks.subList(start, blocks.size()));
        out.addAll(blocks.subList(0, start));
        return out;
    }

    /** FNV-1 32-bit (Go's {@code fnv.New32}) of the node name. */
    static int fnv32(String text) {
        int hash = FNV32_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash *= FNV32_PRIME;
            hash ^= b & 0xff;
        }
        return hash;
    }

    private static Random seeded(String node) {
        return new Random(Integer.toUnsignedLong(fnv32(node)));
    }

    private static BigInteger randomBelow(BigInteger bound, Random random) {
        BigInteger candidate;
        do {
            candidate = new BigInteger(bound.bitLength(), random);
        } while (candidate.compareTo(bound) >= 0);
        return candidate;
    }
}
