package io.tabby.bird.wire.message;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * OPEN (RFC 4271 §4.2): version, the 2-octet My Autonomous System (AS_TRANS 23456 when the real AS
 * needs 4 octets, RFC 6793), hold time, BGP identifier, and the capabilities of all Capabilities
 * optional parameters (RFC 5492) in order.
 * <pre>
 * +---------+---------+-----------+-------------------+------------+----------------+
 * | Ver (1) | AS (2)  | Hold (2)  | BGP Identifier (4) | Opt Len (1)| Opt Params ... |
 * +---------+---------+-----------+-------------------+------------+----------------+
 * </pre>
 */
public record Open(int version, int myAs, int holdTime, int bgpIdentifier, List<Capability> capabilities)
        implements BgpMessage {
    public static final int VERSION = 4;
    public static final int AS_TRANS = 23456;

    public Open {
        capabilities = List.copyOf(requireNonNull(capabilities, "capabilities is null"));
        if (version < 0 || version > 0xff || myAs < 0 || myAs > 0xffff || holdTime < 0 || holdTime > 0xffff) {
            throw new IllegalArgumentException("OPEN version " + version + ", AS " + myAs + ", hold time " + holdTime
                    + " out of range");
        }
    }

    /** An OPEN for {@code asn}, putting AS_TRANS in the 2-octet field when it does not fit. */
    public static Open of(long asn, int holdTime, int bgpIdentifier, List<Capability> capabilities) {
        int field = asn > 0xffff ? AS_TRANS : (int) asn;
        return new Open(VERSION, field, holdTime, bgpIdentifier, capabilities);
    }

    /** The first capability of this type, if advertised. */
    public <T extends Capability> Optional<T> capability(Class<T> type) {
        return capabilities.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The sender's AS: from the 4-octet AS capability when present, else the 2-octet field. */
    public long peerAs() {
        return capability(Capability.FourOctetAs.class).map(Capability.FourOctetAs::asn).orElse((long) myAs);
    }

    @Override
    public int typeCode() {
        return OPEN;
    }
}
