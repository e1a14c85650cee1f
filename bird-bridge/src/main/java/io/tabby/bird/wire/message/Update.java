package io.tabby.bird.wire.message;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.MpUnreachNlri;
import java.util.Optional;

/**
 * UPDATE (RFC 4271 §4.3): IPv4 withdrawals, the shared path attributes, IPv4 NLRI, and at most one
 * MP_REACH_NLRI and one MP_UNREACH_NLRI (RFC 4760) for other families. The attribute set never
 * holds the MP attributes (they carry prefixes) so it can be interned and shared by routes.
 * <pre>
 * +-----------------------------------------------------+
 * | Withdrawn Routes Length (2) | Withdrawn Routes (var) |
 * +-----------------------------------------------------+
 * | Total Path Attribute Length (2) | Path Attributes    |
 * +-----------------------------------------------------+
 * | Network Layer Reachability Information (var)        |
 * +-----------------------------------------------------+
 * </pre>
 */
public record Update(
        PrefixList withdrawn,
        AttributeSet attributes,
        PrefixList nlri,
        Optional<MpReachNlri> mpReach,
        Optional<MpUnreachNlri> mpUnreach) implements BgpMessage {

    public Update {
        requireNonNull(withdrawn, "withdrawn is null");
        requireNonNull(attributes, "attributes is null");
        requireNonNull(nlri, "nlri is null");
        requireNonNull(mpReach, "mpReach is null");
        requireNonNull(mpUnreach, "mpUnreach is null");
        if (!withdrawn.family().equals(AfiSafi.IPV4_UNICAST) || !nlri.family().equals(AfiSafi.IPV4_UNICAST)) {
            throw new IllegalArgumentException("the UPDATE's own withdrawn and NLRI fields carry IPv4 unicast only");
        }
    }

    /** IPv4 announcements with their attributes. */
    public static Update announce(AttributeSet attributes, PrefixList nlri) {
        return new Update(PrefixList.empty(AfiSafi.IPV4_UNICAST), attributes, nlri, Optional.empty(), Optional.empty());
    }

    /** Announcements of another family through MP_REACH_NLRI. */
    public static Update announce(AttributeSet attributes, MpReachNlri reach) {
        return new Update(PrefixList.empty(AfiSafi.IPV4_UNICAST), attributes, PrefixList.empty(AfiSafi.IPV4_UNICAST),
                Optional.of(reach), Optional.empty());
    }

    /** Withdrawals only: in the UPDATE's own field for IPv4, in MP_UNREACH_NLRI otherwise. */
    public static Update withdraw(PrefixList prefixes) {
        PrefixList noV4 = PrefixList.empty(AfiSafi.IPV4_UNICAST);
        return prefixes.family().equals(AfiSafi.IPV4_UNICAST)
                ? new Update(prefixes, AttributeSet.EMPTY, noV4, Optional.empty(), Optional.empty())
                : new Update(noV4, AttributeSet.EMPTY, noV4, Optional.empty(), Optional.of(new MpUnreachNlri(prefixes)));
    }

    /** The End-of-RIB marker of a family (RFC 4724 §2). */
    public static Update endOfRib(AfiSafi family) {
        return withdraw(PrefixList.empty(family));
    }

    /**
     * The family whose End-of-RIB this is, if it is one: for IPv4 an UPDATE with nothing in it,
     * otherwise one holding only an empty MP_UNREACH_NLRI.
     */
    public Optional<AfiSafi> endOfRibFamily() {
        if (!withdrawn.isEmpty() || !attributes.isEmpty() || !nlri.isEmpty() || mpReach.isPresent()) {
            return Optional.empty();
        }
        if (mpUnreach.isEmpty()) {
            return Optional.of(AfiSafi.IPV4_UNICAST);
        }
        PrefixList mpWithdrawn = mpUnreach.get().withdrawn();
        return mpWithdrawn.isEmpty() ? Optional.of(mpWithdrawn.family()) : Optional.empty();
    }

    /** Whether this UPDATE announces any prefix (IPv4 NLRI or MP_REACH_NLRI). */
    public boolean hasReachable() {
        return !nlri.isEmpty() || mpReach.map(r -> !r.nlri().isEmpty()).orElse(false);
    }

    @Override
    public int typeCode() {
        return UPDATE;
    }
}
