package io.tabby.bird.wire.message;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * One capability advertised in OPEN (RFC 5492): code, length, value. Families are kept as raw
 * codes so that a peer's offer of a family we do not route survives to the negotiator.
 */
public sealed interface Capability {
    int MULTIPROTOCOL = 1;
    int ROUTE_REFRESH = 2;
    int EXTENDED_MESSAGE = 6;
    int GRACEFUL_RESTART = 64;
    int FOUR_OCTET_AS = 65;
    int ADD_PATH = 69;

    /** The capability code on the wire. */
    int code();

    /** Multiprotocol extensions (RFC 4760 §8): AFI (2), reserved (1), SAFI (1). */
    record MultiProtocol(int afi, int safi) implements Capability {
        public MultiProtocol {
            checkFamily(afi, safi);
        }

        public static MultiProtocol of(AfiSafi family) {
            return new MultiProtocol(family.afi().code(), family.safi().code());
        }

        public Optional<AfiSafi> family() {
            return AfiSafi.fromCodes(afi, safi);
        }

        @Override
        public int code() {
            return MULTIPROTOCOL;
        }
    }

    /** Route refresh (RFC 2918 §2), empty value. */
    record RouteRefreshSupport() implements Capability {
        @Override
        public int code() {
            return ROUTE_REFRESH;
        }
    }

    /** Extended messages up to 65535 octets (RFC 8654), empty value. */
    record ExtendedMessage() implements Capability {
        @Override
        public int code() {
            return EXTENDED_MESSAGE;
        }
    }

    /** Support for 4-octet AS numbers (RFC 6793), carrying the speaker's own 4-octet AS. */
    record FourOctetAs(long asn) implements Capability {
        public FourOctetAs {
            if (asn < 0 || asn > 0xffffffffL) {
                throw new IllegalArgumentException("AS " + asn + " is outside 0..4294967295");
            }
        }

        @Override
        public int code() {
            return FOUR_OCTET_AS;
        }
    }

    /**
     * Graceful restart (RFC 4724 §3): 4 flag bits (R = 8, restarting; N = 4, RFC 8538), a 12-bit
     * restart time in seconds, then per family AFI (2), SAFI (1), flags (1; F = 0x80, forwarding kept).
     */
    record GracefulRestart(int flags, int restartTime, List<Family> families) implements Capability {
        public record Family(int afi, int safi, int flags) {
            public Family {
                checkFamily(afi, safi);
                if (flags < 0 || flags > 0xff) {
                    throw new IllegalArgumentException("graceful restart family flags " + flags + " out of 0..255");
                }
            }

            public boolean forwardingPreserved() {
                return (flags & 0x80) != 0;
            }
        }

        public GracefulRestart {
            families = List.copyOf(requireNonNull(families, "families is null"));
            if (flags < 0 || flags > 0xf || restartTime < 0 || restartTime > 0xfff) {
                throw new IllegalArgumentException("graceful restart flags " + flags + " / time " + restartTime
                        + " out of 0..15 / 0..4095");
            }
        }

        /** The R bit: the sender has restarted and is relearning routes. */
        public boolean restarting() {
            return (flags & 0x8) != 0;
        }

        @Override
        public int code() {
            return GRACEFUL_RESTART;
        }
    }

    /** ADD-PATH (RFC 7911 §4): per family AFI (2), SAFI (1), send/receive (1: 1 receive, 2 send, 3 both). */
    record AddPath(List<Family> families) implements Capability {
        public record Family(int afi, int safi, int sendReceive) {
            public Family {
                checkFamily(afi, safi);
                if (sendReceive < 1 || sendReceive > 3) {
                    throw new IllegalArgumentException("ADD-PATH send/receive " + sendReceive + " is not 1, 2 or 3");
                }
            }

            public boolean canReceive() {
                return (sendReceive & 1) != 0;
            }

            public boolean canSend() {
                return (sendReceive & 2) != 0;
            }
        }

        public AddPath {
            families = List.copyOf(requireNonNull(families, "families is null"));
        }

        @Override
        public int code() {
            return ADD_PATH;
        }
    }

    /** A capability this codec does not interpret, kept byte for byte. */
    record Unknown(int code, Bytes value) implements Capability {
        public Unknown {
            requireNonNull(value, "value is null");
            if (code < 0 || code > 255 || value.length() > 255) {
                throw new IllegalArgumentException("capability " + code + " with " + value.length()
                        + " octets does not fit code (0..255) and length (0..255)");
            }
        }
    }

    private static void checkFamily(int afi, int safi) {
        if (afi < 0 || afi > 0xffff || safi < 0 || safi > 0xff) {
            throw new IllegalArgumentException("AFI " + afi + " / SAFI " + safi + " out of 0..65535 / 0..255");
        }
    }
}
