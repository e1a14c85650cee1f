package io.tabby.datastore.codec;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Quote;

/**
 * {@code /calico/ipam/v2/host/<node>/ipv4|ipv6/block/<cidr>}: the v1 literal {@code {}} or the
 * v3 {@code {"state":"confirmed","deleted":false}}; each field written only when present.
 */
final class AffinityJson {

    private AffinityJson() {}

    static BlockAffinity decode(JsonIn in) {
        String stateText = in.optString("state");
        AffinityState state = null;
        if (stateText != null) {
            state = AffinityState.fromJson(stateText);
            if (state == null) {
                throw in.decoding().error(in.where("state"), "unknown state " + Quote.of(stateText)
                        + ", expected \"pending\", \"confirmed\" or \"pendingDeletion\"");
            }
        }
        return new BlockAffinity(state, in.optBool("deleted"), in.unknown());
    }

    static void encode(BlockAffinity affinity, JsonOut out) {
        out.startObject();
        if (affinity.state() != null) {
            out.string("state", affinity.state().json());
        }
        out.boolIfPresent("deleted", affinity.deleted());
        out.unknown(affinity.unknown());
        out.endObject();
    }
}
