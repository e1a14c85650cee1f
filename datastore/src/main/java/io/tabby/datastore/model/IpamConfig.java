package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * Cluster IPAM settings at {@code /calico/ipam/v2/config}. Every field is omitted from the JSON
 * when it has its zero value (Go {@code omitempty}); an absent key means {@link #DEFAULT}.
 *
 * @param strictAffinity {@code strict_affinity}: never borrow addresses from another node's block
 * @param autoAllocateBlocks {@code auto_allocate_blocks}: claim new blocks when the node's are full
 * @param maxBlocksPerHost {@code maxBlocksPerHost} (v3): 0 for no limit
 * @param unknown fields Tabby does not model
 */
public record IpamConfig(boolean strictAffinity, boolean autoAllocateBlocks, int maxBlocksPerHost,
        UnknownFields unknown) {

    /** What an absent config key means: not strict, auto-allocate, no limit. */
    public static final IpamConfig DEFAULT = new IpamConfig(false, true, 0, UnknownFields.NONE);

    public IpamConfig {
        if (maxBlocksPerHost < 0) {
            throw new IllegalArgumentException("maxBlocksPerHost " + maxBlocksPerHost + " is negative");
        }
        requireNonNull(unknown, "unknown is null");
    }
}
