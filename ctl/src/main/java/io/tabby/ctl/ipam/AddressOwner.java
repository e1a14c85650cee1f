package io.tabby.ctl.ipam;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.ipam.block.BlockQueries;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who holds an allocated address: its block, handle and attributes.
 *
 * @param address the address
 * @param block the block it is allocated in
 * @param handleId the handle; null when the allocation has none
 * @param attributes the allocation's attributes, sorted by name
 */
public record AddressOwner(IpAddr address, Cidr block, String handleId, Map<String, String> attributes) {

    public AddressOwner {
        requireNonNull(address, "address is null");
        requireNonNull(block, "block is null");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(attributes, "attributes is null")));
    }

    /** The owner of {@code address} among {@code blocks}; empty when no block has it allocated. */
    public static Optional<AddressOwner> find(IpAddr address, Collection<AllocationBlock> blocks) {
        for (AllocationBlock block : blocks) {
            if (block.cidr().contains(address)) {
                int ordinal = Math.toIntExact(block.cidr().ordinalOf(address));
                Optional<AllocationAttribute> owner = BlockQueries.ownerOf(block, ordinal);
                if (owner.isPresent()) {
                    Map<String, String> secondary = owner.get().secondary();
                    return Optional.of(new AddressOwner(address, block.cidr(), owner.get().handleId(),
                            secondary == null ? Map.of() : secondary));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * calicoctl's answer to {@code ipam show --ip}: {@code IP <ip> is in use} and the attributes,
     * with Tabby's handle and block lines added; ends with a newline.
     */
    public String describe() {
        StringBuilder out = new StringBuilder("IP ").append(address).append(" is in use\n");
        out.append("Handle: ").append(handleId == null ? "<none>" : handleId).append('\n');
        out.append("Block: ").append(block).append('\n');
        if (attributes.isEmpty()) {
            out.append("No attributes defined\n");
        } else {
            out.append("Attributes:\n");
            attributes.forEach((name, value) -> out.append("  ").append(name).append(": ").append(value).append('\n'));
        }
        return out.toString();
    }
}
