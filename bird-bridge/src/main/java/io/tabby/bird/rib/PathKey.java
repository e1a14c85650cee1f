package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.Prefix;

/** A path as a peer names it: prefix and ADD-PATH path identifier. */
record PathKey(Prefix prefix, int pathId) {
    PathKey {
        requireNonNull(prefix, "prefix is null");
    }
}
