package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.attr.AttributeSet;

/**
 * What one peer is told about one prefix: the interned attributes as sent and, for IPv6, the
 * MP_REACH_NLRI next hop. Prefixes with equal adverts share UPDATEs.
 */
public record Advert(AttributeSet attributes, Bytes mpNextHop) {
    public Advert {
        requireNonNull(attributes, "attributes is null");
        requireNonNull(mpNextHop, "mpNextHop is null");
    }
}
