package io.tabby.bird.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.tabby.bird.wire.message.BgpMessage;
import java.util.List;

/**
 * Splits the TCP stream into BGP messages by the 2-octet length at offset 16 of the header
 * (RFC 4271 §4.1). Every frame up to 65535 octets is passed on whole, so the codec can apply the
 * session's negotiated maximum (4096, or 65535 with RFC 8654 extended messages) and answer 1/2 with
 * the offending length. A length below the header size cannot be framed: the header alone is
 * passed on, the codec reports it as a bad length and the session resets, so no byte after it is
 * ever interpreted.
 */
public final class BgpFrameDecoder extends ByteToMessageDecoder {
    private static final int LENGTH_OFFSET = 16;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= BgpMessage.HEADER_LENGTH) {
            int length = in.getUnsignedShort(in.readerIndex() + LENGTH_OFFSET);
            if (length < BgpMessage.HEADER_LENGTH) {
                out.add(in.readRetainedSlice(BgpMessage.HEADER_LENGTH));
                in.skipBytes(in.readableBytes());
                return;
            }
            if (in.readableBytes() < length) {
                return;
            }
            out.add(in.readRetainedSlice(length));
        }
    }
}
