package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * A block affinity, the value at {@code /calico/ipam/v2/host/<node>/ipv4|ipv6/block/<cidr>}.
 * Calico v1 wrote the literal {@code {}} (both components null), which means confirmed;
 * Calico v3 writes {@code {"state":"confirmed","deleted":false}}.
 *
 * @param state {@code state}; null when absent
 * @param deleted {@code deleted}; null when absent
 * @param unknown fields Tabby does not model
 */
public record BlockAffinity(AffinityState state, Boolean deleted, UnknownFields unknown) {

    public BlockAffinity {
        requireNonNull(unknown, "unknown is null");
    }

    /** The v3 form: {@code {"state":"<state>","deleted":false}}. */
    public static BlockAffinity of(AffinityState state) {
        return new BlockAffinity(requireNonNull(state, "state is null"), false, UnknownFields.NONE);
    }

    /** The v1 form {@code {}}, which reads as confirmed. */
    public static BlockAffinity legacyConfirmed() {
        return new BlockAffinity(null, null, UnknownFields.NONE);
    }

    /** The state in force: an absent state (the v1 form) is confirmed. */
    public AffinityState effectiveState() {
        return state == null ? AffinityState.CONFIRMED : state;
    }

    /** True when marked deleted. */
    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }
}
