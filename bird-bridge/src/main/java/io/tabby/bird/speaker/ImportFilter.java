package io.tabby.bird.speaker;

import io.tabby.bird.rib.PeerInfo;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.attr.AttributeSet;

/**
 * A protocol's import policy (BIRD's {@code import} filter), asked on the RIB thread for every
 * announced prefix. A refused prefix is treated as withdrawn, so a route the filter now refuses
 * also leaves the RIB. Must be pure and quick.
 */
@FunctionalInterface
public interface ImportFilter {
    ImportFilter ALL = (from, prefix, attributes) -> true;
    ImportFilter NONE = (from, prefix, attributes) -> false;

    boolean accept(PeerInfo from, Prefix prefix, AttributeSet attributes);
}
