package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.PrefixList;

/**
 * MP_UNREACH_NLRI (type 15, optional non-transitive, RFC 4760): withdrawn prefixes of one family.
 * With no prefixes it is the End-of-RIB marker of that family (RFC 4724 §2).
 * <pre>
 * +--------------------------------------------------+
 * | AFI (2) | SAFI (1) | Withdrawn Routes (variable) |
 * +--------------------------------------------------+
 * </pre>
 */
public record MpUnreachNlri(PrefixList withdrawn) implements PathAttribute {
    public MpUnreachNlri {
        requireNonNull(withdrawn, "withdrawn is null");
    }

    @Override
    public int typeCode() {
        return AttributeType.MP_UNREACH_NLRI;
    }
}
