package io.tabby.bird.wire;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prefixes of one NLRI or withdrawn-routes field, packed into primitive arrays so that an
 * UPDATE with 800 prefixes costs a handful of objects, not 800 (bgp-anchors §3.6). IPv4 entries
 * take one {@code long} (address in the upper bits, length in the low byte); IPv6 entries take
 * three. Path identifiers (RFC 7911) are kept only when the list was built with them and is not
 * empty (an empty list has none, so End-of-RIB markers compare equal). Immutable.
 */
public final class PrefixList {
    private final AfiSafi family;
    private final long[] words;
    private final int[] pathIds;
    private final int size;

    private PrefixList(AfiSafi family, long[] words, int[] pathIds, int size) {
        this.family = family;
        this.words = words;
        this.pathIds = pathIds;
        this.size = size;
    }

    public static PrefixList empty(AfiSafi family) {
        return new PrefixList(requireNonNull(family, "family is null"), new long[0], null, 0);
    }

    public static Builder builder(AfiSafi family, boolean withPathIds) {
        return new Builder(requireNonNull(family, "family is null"), withPathIds);
    }

    /** A list of the given prefixes, all of {@code family}'s AFI, without path identifiers. */
    public static PrefixList of(AfiSafi family, List<? extends Prefix> prefixes) {
        Builder builder = builder(family, false);
        prefixes.forEach(p -> builder.add(p, 0));
        return builder.build();
    }

    public AfiSafi family() {
        return family;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether each entry carries an ADD-PATH path identifier. */
    public boolean hasPathIds() {
        return pathIds != null;
    }

    /** The path identifier of entry {@code i}, 0 when the list has none. */
    public int pathId(int i) {
        checkIndex(i);
        return pathIds == null ? 0 : pathIds[i];
    }

    public int prefixLength(int i) {
        checkIndex(i);
        return family.afi() == Afi.IPV4 ? (int) (words[i] & 0xff) : (int) words[3 * i + 2];
    }

    /** The 32 address bits of IPv4 entry {@code i}. */
    public int ipv4Address(int i) {
        checkIndex(i);
        return (int) (words[i] >>> 8);
    }

    /** The upper 64 address bits of IPv6 entry {@code i}. */
    public long ipv6High(int i) {
        checkIndex(i);
        return words[3 * i];
    }

    /** The lower 64 address bits of IPv6 entry {@code i}. */
    public long ipv6Low(int i) {
        checkIndex(i);
        return words[3 * i + 1];
    }

    /** Entry {@code i} as a record (allocates; for tests, logs and cold paths). */
    public Prefix prefix(int i) {
        return family.afi() == Afi.IPV4
                ? new Ipv4Prefix(ipv4Address(i), prefixLength(i))
                : new Ipv6Prefix(ipv6High(i), ipv6Low(i), prefixLength(i));
    }

    /** All entries as records (allocates; for tests, logs and cold paths). */
    public List<Prefix> prefixes() {
        List<Prefix> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(prefix(i));
        }
        return out;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("prefix index " + i + " outside 0.." + (size - 1));
        }
    }

    private int wordsUsed() {
        return family.afi() == Afi.IPV4 ? size : 3 * size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrefixList other
                && family.equals(other.family)
                && size == other.size
                && Arrays.equals(words, 0, wordsUsed(), other.words, 0, other.wordsUsed())
                && (pathIds == null) == (other.pathIds == null)
                && (pathIds == null || Arrays.equals(pathIds, 0, size, other.pathIds, 0, size));
    }

    @Override
    public int hashCode() {
        int hash = family.hashCode() * 31 + size;
        for (int i = 0; i < wordsUsed(); i++) {
            hash = hash * 31 + Long.hashCode(words[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(family.toString()).append('[');
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(prefix(i));
            if (pathIds != null) {
                text.append(" id ").append(Integer.toUnsignedString(pathIds[i]));
            }
        }
        return text.append(']').toString();
    }

    /** Accumulates entries; not thread-safe, single use. */
    public static final class Builder {
        private final AfiSafi family;
        private final int stride;
        private long[] words = new long[48];
        private int[] pathIds;
        private int size;

        private Builder(AfiSafi family, boolean withPathIds) {
            this.family = family;
            this.stride = family.afi() == Afi.IPV4 ? 1 : 3;
            this.pathIds = withPathIds ? new int[16] : null;
        }

        public int size() {
            return size;
        }

        /** Adds an IPv4 entry; bits past {@code length} are cleared. */
        public Builder addIpv4(int address, int length, int pathId) {
            requireAfi(Afi.IPV4);
            if (length < 0 || length > 32) {
                throw new IllegalArgumentException("IPv4 prefix length " + length + " is outside 0..32");
            }
            grow();
            words[size] = (long) (address & Ipv4Prefix.mask(length)) << 8 | length;
            return finish(pathId);
        }

        /** Adds an IPv6 entry; bits past {@code length} are cleared. */
        public Builder addIpv6(long high, long low, int length, int pathId) {
            requireAfi(Afi.IPV6);
            if (length < 0 || length > 128) {
                throw new IllegalArgumentException("IPv6 prefix length " + length + " is outside 0..128");
            }
            grow();
            words[3 * size] = high & Ipv6Prefix.highMask(length);
            words[3 * size + 1] = low & Ipv6Prefix.lowMask(length);
            words[3 * size + 2] = length;
            return finish(pathId);
        }

        public Builder add(Prefix prefix, int pathId) {
            return switch (prefix) {
                case Ipv4Prefix p -> addIpv4(p.address(), p.length(), pathId);
                case Ipv6Prefix p -> addIpv6(p.high(), p.low(), p.length(), pathId);
            };
        }

        public PrefixList build() {
            PrefixList list = new PrefixList(family, Arrays.copyOf(words, size * stride),
                    pathIds == null || size == 0 ? null : Arrays.copyOf(pathIds, size), size);
            words = null;
            return list;
        }

        private void requireAfi(Afi afi) {
            if (family.afi() != afi) {
                throw new IllegalArgumentException("cannot add an " + afi + " prefix to an " + family + " list");
            }
        }

        private void grow() {
            if ((size + 1) * stride > words.length) {
                words = Arrays.copyOf(words, words.length * 2);
            }
            if (pathIds != null && size == pathIds.length) {
                pathIds = Arrays.copyOf(pathIds, pathIds.length * 2);
            }
        }

        private Builder finish(int pathId) {
            if (pathIds != null) {
                pathIds[size] = pathId;
            }
            size++;
            return this;
        }
    }
}
