package io.tabby.bird.wire.codec;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.message.Capability;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a Capabilities optional parameter (RFC 5492 §4): a run of code (1), length (1),
 * value. A capability whose value does not have the length its RFC defines fails the OPEN with
 * OPEN Message Error / unspecific.
 */
final class CapabilityDecoder {
    private CapabilityDecoder() {
    }

    static void read(ByteBuf parameter, List<Capability> out) throws DecodeFailure {
        while (parameter.isReadable()) {
            if (parameter.readableBytes() < 2) {
                throw malformed("capability header runs past the optional parameter");
            }
            int code = parameter.readUnsignedByte();
            int length = parameter.readUnsignedByte();
            if (length > parameter.readableBytes()) {
                throw malformed("capability " + code + " of " + length + " octets runs past the optional parameter");
            }
            out.add(one(code, parameter.readSlice(length)));
        }
    }

    private static Capability one(int code, ByteBuf value) throws DecodeFailure {
        int length = value.readableBytes();
        return switch (code) {
            case Capability.MULTIPROTOCOL -> {
                expect(code, length, 4);
                int afi = value.readUnsignedShort();
                value.skipBytes(1);
                yield new Capability.MultiProtocol(afi, value.readUnsignedByte());
            }
            case Capability.ROUTE_REFRESH -> {
                expect(code, length, 0);
                yield new Capability.RouteRefreshSupport();
            }
            case Capability.EXTENDED_MESSAGE -> {
                expect(code, length, 0);
                yield new Capability.ExtendedMessage();
            }
            case Capability.FOUR_OCTET_AS -> {
                expect(code, length, 4);
                yield new Capability.FourOctetAs(value.readUnsignedInt());
            }
            case Capability.GRACEFUL_RESTART -> gracefulRestart(value);
            case Capability.ADD_PATH -> addPath(value);
            default -> new Capability.Unknown(code, Bytes.read(value, length));
        };
    }

    private static Capability gracefulRestart(ByteBuf value) throws DecodeFailure {
        if (value.readableBytes() < 2 || (value.readableBytes() - 2) % 4 != 0) {
            throw malformed("graceful restart capability of " + value.readableBytes() + " octets is not 2 + 4n");
        }
        int head = value.readUnsignedShort();
        List<Capability.GracefulRestart.Family> families = new ArrayList<>();
        while (value.isReadable()) {
            families.add(new Capability.GracefulRestart.Family(
                    value.readUnsignedShort(), value.readUnsignedByte(), value.readUnsignedByte()));
        }
        return new Capability.GracefulRestart(head >>> 12, head & 0xfff, families);
    }

    private static Capability addPath(ByteBuf value) throws DecodeFailure {
        if (value.readableBytes() == 0 || value.readableBytes() % 4 != 0) {
            throw malformed("ADD-PATH capability of " + value.readableBytes() + " octets is not a multiple of 4");
        }
        List<Capability.AddPath.Family> families = new ArrayList<>();
        while (value.isReadable()) {
            int afi = value.readUnsignedShort();
            int safi = value.readUnsignedByte();
            int sendReceive = value.readUnsignedByte();
            if (sendReceive < 1 || sendReceive > 3) {
                throw malformed("ADD-PATH send/receive value " + sendReceive + " is not 1, 2 or 3");
            }
            families.add(new Capability.AddPath.Family(afi, safi, sendReceive));
        }
        return new Capability.AddPath(families);
    }

    private static void expect(int code, int length, int expected) throws DecodeFailure {
        if (length != expected) {
            throw malformed("capability " + code + " has " + length + " octets, not " + expected);
        }
    }

    private static DecodeFailure malformed(String reason) {
        return new DecodeFailure(BgpError.OPEN_UNSPECIFIC, reason);
    }
}
