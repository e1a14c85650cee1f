package io.tabby.bird.wire.codec;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.RouteRefresh;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Decodes one framed BGP message (header included) into a {@link DecodeResult}. It never throws on
 * any input: header errors (RFC 4271 §6.1), OPEN errors (§6.2) and UPDATE errors (§6.3, revised by
 * RFC 7606) all come back as outcomes. Stateless apart from its options and the shared interner;
 * one per session direction. The caller owns (and releases) the buffer.
 */
public final class MessageDecoder {
    private static final Logger LOG = LogManager.getLogger(MessageDecoder.class);

    private final SessionOptions options;
    private final UpdateDecoder updates;

    public MessageDecoder(SessionOptions options, AttributeInterner interner) {
        this.options = requireNonNull(options, "options is null");
        this.updates = new UpdateDecoder(options, requireNonNull(interner, "interner is null"));
    }

    public SessionOptions options() {
        return options;
    }

    /** Decodes the readable bytes of {@code message}, which must be exactly one message. */
    public DecodeResult decode(ByteBuf message) {
        requireNonNull(message, "message is null");
        try {
            return decodeChecked(message);
        } catch (DecodeFailure failure) {
            LOG.debug("malformed message: {}", failure.getMessage());
            return failure.reset();
        }
    }

    private DecodeResult decodeChecked(ByteBuf message) throws DecodeFailure {
        int start = message.readerIndex();
        int available = message.readableBytes();
        if (available < BgpMessage.HEADER_LENGTH) {
            throw new DecodeFailure(BgpError.BAD_MESSAGE_LENGTH, "message of " + available + " octets is shorter than a header");
        }
        for (int i = 0; i < 16; i++) {
            if (message.readUnsignedByte() != 0xff) {
                throw new DecodeFailure(BgpError.CONNECTION_NOT_SYNCHRONIZED, "marker is not all ones");
            }
        }
        int length = message.readUnsignedShort();
        int type = message.readUnsignedByte();
        Bytes lengthField = Bytes.of((byte) (length >>> 8), (byte) length);
        if (length != available || length > maxLength(type)) {
            throw new DecodeFailure(BgpError.BAD_MESSAGE_LENGTH, lengthField, "length field " + length
                    + " does not fit a type " + type + " message of " + available + " octets");
        }
        ByteBuf body = message.readSlice(length - BgpMessage.HEADER_LENGTH);
        return switch (type) {
            case BgpMessage.OPEN -> {
                requireBody(body, 10, false, lengthField, "OPEN");
                yield new DecodeResult.Decoded(OpenDecoder.decode(body));
            }
            case BgpMessage.UPDATE -> {
                requireBody(body, 4, false, lengthField, "UPDATE");
                yield updates.decode(body);
            }
            case BgpMessage.NOTIFICATION -> {
                requireBody(body, 2, false, lengthField, "NOTIFICATION");
                int code = body.readUnsignedByte();
                int subcode = body.readUnsignedByte();
                yield new DecodeResult.Decoded(new Notification(code, subcode, Bytes.read(body, body.readableBytes())));
            }
            case BgpMessage.KEEPALIVE -> {
                requireBody(body, 0, true, lengthField, "KEEPALIVE");
                yield new DecodeResult.Decoded(Keepalive.INSTANCE);
            }
            case BgpMessage.ROUTE_REFRESH -> {
                if (body.readableBytes() != 4) {
                    throw new DecodeFailure(BgpError.ROUTE_REFRESH_INVALID_LENGTH, Bytes.read(message.slice(start, length), length),
                            "ROUTE-REFRESH body of " + body.readableBytes() + " octets is not 4");
                }
                yield new DecodeResult.Decoded(
                        new RouteRefresh(body.readUnsignedShort(), body.readUnsignedByte(), body.readUnsignedByte()));
            }
            default -> throw new DecodeFailure(BgpError.BAD_MESSAGE_TYPE, Bytes.of((byte) type),
                    "message type " + type + " is not defined");
        };
    }

    private int maxLength(int type) {
        return type == BgpMessage.OPEN || type == BgpMessage.KEEPALIVE ? BgpMessage.MAX_LENGTH : options.maxMessageLength();
    }

    private static void requireBody(ByteBuf body, int minimum, boolean exact, Bytes lengthField, String type)
            throws DecodeFailure {
        int actual = body.readableBytes();
        if (actual < minimum || exact && actual != minimum) {
            throw new DecodeFailure(BgpError.BAD_MESSAGE_LENGTH, lengthField,
                    type + " of " + (actual + BgpMessage.HEADER_LENGTH) + " octets has the wrong length");
        }
    }
}
