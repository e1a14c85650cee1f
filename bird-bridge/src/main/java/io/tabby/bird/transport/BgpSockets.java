package io.tabby.bird.transport;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The speaker's event loops and sockets: the listening socket for incoming BGP connections and
 * outgoing connections to peers. Uses Netty's epoll transport when the native library loads (it
 * has {@link EpollChannelOption#TCP_MD5SIG}, RFC 2385 passwords), NIO otherwise, where passwords
 * are refused. Every socket is created on one of this group's threads, so a thread factory that
 * puts its threads into a network namespace puts the speaker there.
 */
public final class BgpSockets implements AutoCloseable {
    /** setsockopt(IPPROTO_IPV6 = 41, IPV6_V6ONLY = 26), which Netty's epoll options do not name. */
    private static final IntegerUnixChannelOption IPV6_V6ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);
    private static final Logger LOG = LogManager.getLogger(BgpSockets.class);
    /** Outbound buffer marks: above the high mark the RIB stops draining UPDATEs for the peer. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final EventLoopGroup group;
    private final boolean epoll;
    /** Every open BGP connection, so that close() ends them before the loops that serve them stop. */
    private final ChannelGroup channels = new DefaultChannelGroup("bgp", GlobalEventExecutor.INSTANCE);

    /** {@code threads} event loops made by {@code threadFactory}. */
    public BgpSockets(int threads, ThreadFactory threadFactory) {
        requireNonNull(threadFactory, "threadFactory is null");
        if (threads < 1) {
            throw new IllegalArgumentException("event loop threads " + threads + " must be at least 1");
        }
        this.epoll = Epoll.isAvailable();
        this.group = epoll ? new EpollEventLoopGroup(threads, threadFactory) : new NioEventLoopGroup(threads, threadFactory);
        if (!epoll) {
            LOG.warn("Netty's epoll transport is unavailable ({}); using NIO, where BGP passwords (TCP-MD5) cannot be set",
                    Epoll.unavailabilityCause().toString());
        }
    }

    /** An event loop for a new peer, round robin. */
    public EventLoop nextLoop() {
        return group.next();
    }

    /** Whether TCP-MD5 passwords can be set (epoll transport). */
    public boolean md5Supported() {
        return epoll;
    }

    /**
     * Binds the listening socket and waits for it. {@code onAccept} is called on the accepted
     * channel's loop for each incoming connection; it adds the handlers or closes the channel.
     * Accepted channels start with auto-read off: nothing is read until the owner of the
     * connection turns it on ({@link BgpConnection#setAutoRead}), so a peer's OPEN cannot arrive
     * before the session has taken the connection. {@code passwords} (peer address to password) are put on the listening
     * socket, so a peer with a password that sends segments without the right signature is never
     * accepted by the kernel.
     *
     * @throws IllegalStateException naming the address when the bind fails
     */
    public Channel listen(InetSocketAddress address, Map<InetAddress, String> passwords, Consumer<Channel> onAccept) {
        requireNonNull(address, "address is null");
        requireNonNull(onAccept, "onAccept is null");
        // An IPv4 address gets an IPv4 socket: on an IPv6 socket, epoll binds 0.0.0.0 as the
        // dual-stack [::], which would take the port from the IPv6 daemon beside this one.
        InternetProtocolFamily family = address.getAddress() instanceof Inet6Address
                ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4;
        ServerBootstrap bootstrap = new ServerBootstrap().group(group)
                .channelFactory(epoll ? () -> new EpollServerSocketChannel(family)
                        : () -> new NioServerSocketChannel(SelectorProvider.provider(), family))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channels.add(channel);
                        onAccept.accept(channel);
                    }
                });
        if (!passwords.isEmpty()) {
            requireMd5("the listening socket");
            bootstrap.option(EpollChannelOption.TCP_MD5SIG, keys(passwords));
        }
        if (epoll && address.getAddress() instanceof Inet6Address) {
            // IPv6 only, as bird6 listens: the IPv4 daemon beside it holds 0.0.0.0 on the same port
            bootstrap.option(IPV6_V6ONLY, 1);
        }
        // Bind from an event loop thread: the socket belongs to that thread's network namespace.
        ChannelFuture bound = group.next().submit(() -> bootstrap.bind(address)).syncUninterruptibly().getNow()
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen for BGP on " + address.getAddress().getHostAddress() + " port "
                    + address.getPort() + ": " + bound.cause().getMessage()
                    + " (is another BGP daemon running? change 'listen bgp' or stop it)", bound.cause());
        }
        return bound.channel();
    }

    /** Replaces the passwords on a listening socket from {@link #listen} (a reconfiguration). */
    public void setPasswords(Channel listening, Map<InetAddress, String> passwords) {
        if (!epoll) {
            if (!passwords.isEmpty()) {
                requireMd5("the listening socket");
            }
            return;
        }
        listening.config().setOption(EpollChannelOption.TCP_MD5SIG, keys(passwords));
    }

    /**
     * Starts an outgoing connection on {@code loop}; call it on {@code loop}. {@code source} binds
     * the local address ({@code source address}); the attempt fails after {@code timeout}.
     */
    public ChannelFuture connect(EventLoop loop, InetSocketAddress remote, Optional<InetAddress> source,
            Optional<String> password, Duration timeout) {
        Bootstrap bootstrap = new Bootstrap().group(loop)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new BgpFrameDecoder());
        if (password.isPresent()) {
            requireMd5("neighbor " + remote.getAddress().getHostAddress());
            bootstrap.option(EpollChannelOption.TCP_MD5SIG, keys(Map.of(remote.getAddress(), password.get())));
        }
        ChannelFuture future = source.isPresent()
                ? bootstrap.connect(remote, new InetSocketAddress(source.get(), 0))
                : bootstrap.connect(remote);
        channels.add(future.channel());
        return future;
    }

    private void requireMd5(String where) {
        if (!epoll) {
            throw new IllegalStateException("a BGP password is configured for " + where
                    + " but TCP-MD5 needs Netty's epoll transport, which did not load: "
                    + Epoll.unavailabilityCause());
        }
    }

    private static Map<InetAddress, byte[]> keys(Map<InetAddress, String> passwords) {
        Map<InetAddress, byte[]> keys = new java.util.HashMap<>();
        passwords.forEach((address, password) -> keys.put(address, password.getBytes(StandardCharsets.UTF_8)));
        return keys;
    }

    @Override
    public void close() {
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
