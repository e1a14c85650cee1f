package io.tabby.bird.transport;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.tabby.bird.session.FsmEvent;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.codec.MessageDecoder;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.RouteRefresh;
import io.tabby.bird.wire.message.Update;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One TCP connection to a peer: the last inbound handler of its pipeline, turning each framed
 * message into an {@link FsmEvent} for the {@link ConnectionListener}, and the way out for what the
 * session sends. Inbound handling runs on the peer's event loop ({@link #loop()}), which may differ
 * from the channel's own loop for accepted connections. {@link #sendUpdates} may be called from the
 * RIB thread; everything else only on the peer's loop.
 */
public final class BgpConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger(BgpConnection.class);
    /** How long a closed connection waits for the peer to close its side before closing anyway. */
    static final Duration LINGER = Duration.ofSeconds(3);

    private final Channel channel;
    private final EventLoop loop;
    private final AttributeInterner interner;
    private ConnectionListener listener;
    private MessageDecoder decoder;
    private volatile MessageEncoder encoder;

    /**
     * @param baseline the codec options before the OPENs are exchanged (RFC 4271 alone, with the
     *     peer's eBGP-ness)
     */
    public BgpConnection(Channel channel, EventLoop loop, SessionOptions baseline, AttributeInterner interner,
            ConnectionListener listener) {
        this.channel = requireNonNull(channel, "channel is null");
        this.loop = requireNonNull(loop, "loop is null");
        this.interner = requireNonNull(interner, "interner is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.decoder = new MessageDecoder(baseline, interner);
        this.encoder = new MessageEncoder(baseline);
    }

    /** The peer's event loop, where this connection's events are handled. */
    public EventLoop loop() {
        return loop;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    /** Switches both directions to what the session negotiated, before the next frame is decoded. */
    public void useOptions(SessionOptions receive, SessionOptions send) {
        decoder = new MessageDecoder(receive, interner);
        encoder = new MessageEncoder(send);
    }

    /** Encodes and writes one message at once (OPEN, KEEPALIVE, NOTIFICATION, ROUTE-REFRESH). */
    public void send(BgpMessage message) {
        ByteBuf out = channel.alloc().buffer(message instanceof Update ? 4096 : 64);
        try {
            encoder.encode(message, out);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        channel.writeAndFlush(out, channel.voidPromise());
    }

    /**
     * Encodes {@code updates} with the negotiated options and writes them as one buffer. Thread-safe:
     * the RIB thread calls this; Netty queues the write on the channel's loop.
     */
    public void sendUpdates(List<Update> updates) {
        MessageEncoder current = encoder;
        ByteBuf out = channel.alloc().buffer(Math.min(updates.size(), 256) * 1024);
        try {
            for (Update update : updates) {
                current.encode(update, out);
            }
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        channel.writeAndFlush(out, channel.voidPromise());
    }

    /** Whether the channel's outbound buffer is below its high-water mark. */
    public boolean isWritable() {
        return channel.isWritable();
    }

    /** Stops or resumes reading from the socket (back-pressure from the RIB thread). Thread-safe. */
    public void setAutoRead(boolean value) {
        channel.config().setAutoRead(value);
    }

    /**
     * Closes after what was written so far is flushed (a NOTIFICATION goes out first). The
     * listener hears nothing more from this connection.
     *
     * <p>A TCP socket closed with unread input sends a reset, and a reset can destroy the
     * NOTIFICATION in the peer's receive buffer (a lost Cease 6/7 turns a collision into an error
     * there). So the write side is shut first; what the peer still sends is read and dropped, and
     * the socket closes when the peer closes its side, or after {@link #LINGER} at the latest.
     */
    public void close() {
        listener = null;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            if (channel instanceof DuplexChannel duplex && channel.isActive() && written.isSuccess()) {
                duplex.shutdownOutput();
                channel.config().setAutoRead(true);
                channel.eventLoop().schedule(() -> channel.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                channel.close();
            }
        });
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (listener != null) {
                deliver(toEvent(decoder.decode(frame)));
            }
        } finally {
            frame.release();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (channel.isWritable() && listener != null) {
            listener.onWritable(this);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        deliver(new FsmEvent.TcpConnectionFails("Connection closed"));
        listener = null;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {}: {}", channel.remoteAddress(), cause.toString());
        deliver(new FsmEvent.TcpConnectionFails(describe(cause)));
        listener = null;
        channel.close();
    }

    private void deliver(FsmEvent event) {
        ConnectionListener current = listener;
        if (current != null) {
            current.onEvent(this, event);
        }
    }

    /** The FSM event for a decoded message or decoding outcome. */
    static FsmEvent toEvent(DecodeResult result) {
        return switch (result) {
            case DecodeResult.Decoded decoded -> switch (decoded.message()) {
                case Open open -> new FsmEvent.BgpOpenReceived(open);
                case Update update -> new FsmEvent.UpdateReceived(update);
                case Notification notification -> new FsmEvent.NotificationReceived(notification);
                case Keepalive _ -> new FsmEvent.KeepaliveReceived();
                case RouteRefresh refresh -> new FsmEvent.RouteRefreshReceived(refresh);
            };
            case DecodeResult.TreatAsWithdraw withdraw -> new FsmEvent.WithdrawReceived(withdraw);
            case DecodeResult.SessionReset reset -> switch (reset.code()) {
                case 2 -> new FsmEvent.BgpOpenMsgErr(reset);
                case 3 -> new FsmEvent.UpdateMsgErr(reset);
                default -> new FsmEvent.BgpHeaderErr(reset);
            };
        };
    }

    /** A socket error as BIRD's status column words it ("Connection reset by peer", ...). */
    public static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        int colon = message.lastIndexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : message;
    }
}
