package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * An IPAM handle, the value at {@code /calico/ipam/v2/handle/<id>}: how many addresses the
 * handle holds in each block, {@code {"block":{"192.168.1.0/26":2}}} (v3 adds
 * {@code "deleted":false}).
 *
 * @param block {@code block}: block CIDR to address count (written sorted by CIDR text, as Go sorts map keys)
 * @param deleted {@code deleted}; null when absent
 * @param unknown fields Tabby does not model
 */
public record IpamHandle(Map<Cidr, Integer> block, Boolean deleted, UnknownFields unknown) {

    public IpamHandle {
        block = Map.copyOf(requireNonNull(block, "block is null"));
        block.forEach((cidr, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("negative count " + count + " for block " + cidr);
            }
        });
        requireNonNull(unknown, "unknown is null");
    }

    /** A v3 handle: {@code {"block":{...},"deleted":false}}. */
    public static IpamHandle of(Map<Cidr, Integer> block) {
        return new IpamHandle(block, false, UnknownFields.NONE);
    }

    /** True when marked deleted. */
    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }
}
