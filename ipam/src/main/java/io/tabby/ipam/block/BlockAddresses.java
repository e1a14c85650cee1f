package io.tabby.ipam.block;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;

/** Ordinal to address and back inside a block, and the block an address belongs to (IPv4 and IPv6). */
public final class BlockAddresses {

    private BlockAddresses() {}

    /** The address at {@code ordinal} of {@code block}. */
    public static IpAddr addressOf(AllocationBlock block, int ordinal) {
        return requireNonNull(block, "block is null").cidr().addressAt(ordinal);
    }

    /**
     * The ordinal of {@code address} in {@code block}.
     *
     * @throws IllegalArgumentException when the address is outside the block
     */
    public static int ordinalOf(AllocationBlock block, IpAddr address) {
        return Math.toIntExact(requireNonNull(block, "block is null").cidr().ordinalOf(address));
    }

    /** The block of prefix length {@code blockPrefixLength} that holds {@code address}. */
    public static Cidr blockOf(IpAddr address, int blockPrefixLength) {
        return Cidr.of(requireNonNull(address, "address is null"), blockPrefixLength);
    }
}
