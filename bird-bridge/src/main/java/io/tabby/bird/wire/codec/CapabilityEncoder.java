package io.tabby.bird.wire.codec;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.message.Capability;

/** Writes capabilities as code (1), length (1), value (RFC 5492 §4). */
final class CapabilityEncoder {
    private CapabilityEncoder() {
    }

    static void write(Capability capability, ByteBuf out) {
        out.writeByte(capability.code());
        int lengthAt = out.writerIndex();
        out.writeByte(0);
        switch (capability) {
            case Capability.MultiProtocol c -> {
                out.writeShort(c.afi());
                out.writeByte(0);
                out.writeByte(c.safi());
            }
            case Capability.RouteRefreshSupport _, Capability.ExtendedMessage _ -> { }
            case Capability.FourOctetAs c -> out.writeInt((int) c.asn());
            case Capability.GracefulRestart c -> {
                out.writeShort(c.flags() << 12 | c.restartTime());
                for (Capability.GracefulRestart.Family family : c.families()) {
                    out.writeShort(family.afi());
                    out.writeByte(family.safi());
                    out.writeByte(family.flags());
                }
            }
            case Capability.AddPath c -> {
                for (Capability.AddPath.Family family : c.families()) {
                    out.writeShort(family.afi());
                    out.writeByte(family.safi());
                    out.writeByte(family.sendReceive());
                }
            }
            case Capability.Unknown c -> c.value().writeTo(out);
        }
        int length = out.writerIndex() - lengthAt - 1;
        if (length > 255) {
            throw new IllegalArgumentException("capability " + capability.code() + " of " + length
                    + " octets does not fit its 1-octet length");
        }
        out.setByte(lengthAt, length);
    }
}
