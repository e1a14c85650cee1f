package io.tabby.bird.wire.codec;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.RouteRefresh;
import io.tabby.bird.wire.message.Update;

/**
 * Encodes messages for one session direction. A message that would exceed the negotiated maximum
 * length is a bug in the caller (the UPDATE packer must respect {@link SessionOptions#maxMessageLength})
 * and is refused with {@link IllegalArgumentException}, leaving {@code out} as it was.
 */
public final class MessageEncoder {
    private static final int PARAMETER_CAPABILITIES = 2;

    private final SessionOptions options;
    private final UpdateEncoder updates;

    public MessageEncoder(SessionOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.updates = new UpdateEncoder(options);
    }

    public SessionOptions options() {
        return options;
    }

    /** Appends {@code message}, header included, to {@code out}. */
    public void encode(BgpMessage message, ByteBuf out) {
        requireNonNull(message, "message is null");
        int start = out.writerIndex();
        for (int i = 0; i < 16; i++) {
            out.writeByte(0xff);
        }
        out.writeShort(0);
        out.writeByte(message.typeCode());
        switch (message) {
            case Open open -> writeOpen(open, out, start);
            case Update update -> updates.write(update, out);
            case Notification notification -> {
                out.writeByte(notification.code()).writeByte(notification.subcode());
                notification.data().writeTo(out);
            }
            case Keepalive _ -> { }
            case RouteRefresh refresh ->
                    out.writeShort(refresh.afi()).writeByte(refresh.subtype()).writeByte(refresh.safi());
        }
        int length = out.writerIndex() - start;
        boolean small = message instanceof Open || message instanceof Keepalive;
        int max = small ? BgpMessage.MAX_LENGTH : options.maxMessageLength();
        if (length > max) {
            out.writerIndex(start);
            throw new IllegalArgumentException("a type " + message.typeCode() + " message of " + length
                    + " octets exceeds the session's maximum of " + max);
        }
        out.setShort(start + 16, length);
    }

    private static void writeOpen(Open open, ByteBuf out, int start) {
        out.writeByte(open.version()).writeShort(open.myAs()).writeShort(open.holdTime()).writeInt(open.bgpIdentifier());
        int parametersAt = out.writerIndex();
        out.writeByte(0);
        if (!open.capabilities().isEmpty()) {
            out.writeByte(PARAMETER_CAPABILITIES);
            int parameterAt = out.writerIndex();
            out.writeByte(0);
            for (Capability capability : open.capabilities()) {
                CapabilityEncoder.write(capability, out);
            }
            int parameterLength = out.writerIndex() - parameterAt - 1;
            if (parameterLength > 253) {
                out.writerIndex(start);
                throw new IllegalArgumentException("capabilities of " + parameterLength
                        + " octets do not fit one OPEN optional parameter");
            }
            out.setByte(parameterAt, parameterLength);
        }
        out.setByte(parametersAt, out.writerIndex() - parametersAt - 1);
    }
}
