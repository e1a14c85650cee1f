package io.tabby.bird.speaker;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdProtocol;
import io.tabby.bird.config.StaticProtocol;
import io.tabby.bird.config.StaticRoute;
import io.tabby.bird.rib.Rib;
import io.tabby.bird.rib.RibConfig;
import io.tabby.bird.session.SessionConfig;
import io.tabby.bird.transport.BgpFrameDecoder;
import io.tabby.bird.transport.BgpSockets;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.Origin;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A running BGP speaker for one BIRD configuration (one per address family, as {@code bird} and
 * {@code bird6}): one session per {@code protocol bgp}, the static protocols' routes originated,
 * a listening socket for incoming connections. Thread-safe; every method returns at once.
 */
public final class BgpSpeaker implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(BgpSpeaker.class);
    /** What a route we originate carries before export rewrites it per peer: ORIGIN IGP, empty AS_PATH. */
    private static final AttributeSet ORIGINATED = AttributeSet.of(Origin.IGP, AsPath.EMPTY);

    private final RibWorker rib;
    private final BgpSockets sockets;
    private final Map<String, PeerSession> sessions = new LinkedHashMap<>();
    private final Map<String, PeerStatusCell> status = new LinkedHashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<InetAddress, PeerSession> byAddress = new HashMap<>();
    private final Channel listener;

    private BgpSpeaker(BirdConfig config, SpeakerOptions options) {
        int routerId = SessionConfigs.ipv4(config.routerId().orElseThrow(() -> new IllegalArgumentException(
                "the configuration has no 'router id': add 'router id A.B.C.D;'")));
        List<BgpProtocol> bgp = config.bgpProtocols();
        RibConfig ribConfig = RibConfig.of(localAs(bgp), routerId).withClusterId(clusterId(bgp, routerId));
        AttributeInterner interner = new AttributeInterner();
        this.rib = new RibWorker(new Rib(ribConfig, interner, options.bestPathListener()), interner,
                Thread.ofPlatform().name("bgp-rib").daemon(true).factory());
        this.sockets = new BgpSockets(options.ioThreads(), options.ioThreadFactory());
        try {
            int id = 0;
            Map<InetAddress, String> passwords = new HashMap<>();
            for (BgpProtocol protocol : bgp) {
                id++;
                SessionConfig session = SessionConfigs.of(protocol, routerId);
                PeerStatusCell cell = new PeerStatusCell(protocol.name(), protocol.neighbor(), protocol.neighborAs(),
                        options.clock().instant());
                PeerSession peer = new PeerSession(id, protocol, session, sockets.nextLoop(), sockets, rib, interner, cell,
                        options.clock(), options.restartedLocally());
                if (byAddress.putIfAbsent(protocol.neighbor(), peer) != null) {
                    throw new IllegalArgumentException("protocol " + protocol.name() + ": neighbor "
                            + protocol.neighbor().getHostAddress() + " is already used by protocol "
                            + byAddress.get(protocol.neighbor()).protocol().name() + "; use one protocol per neighbor");
                }
                protocol.password().ifPresent(p -> passwords.put(protocol.neighbor(), p));
                sessions.put(protocol.name(), peer);
                status.put(protocol.name(), cell);
                names.put(id, protocol.name());
                rib.addPeer(peer.initialInfo(), options.policies().importFilter(config, protocol),
                        options.policies().exportFilter(config, protocol), cell);
            }
            this.listener = options.listenEnabled() && !bgp.isEmpty()
                    ? sockets.listen(listenAddress(config, options, bgp), passwords, this::accept)
                    : null;
            for (BirdProtocol protocol : config.protocols()) {
                if (protocol instanceof StaticProtocol statics) {
                    for (StaticRoute route : statics.routes()) {
                        originate(Prefixes.of(route.prefix()));
                    }
                }
            }
        } catch (RuntimeException e) {
            sockets.close();
            rib.close();
            throw e;
        }
        sessions.values().forEach(peer -> peer.loop().execute(peer::start));
        LOG.info("BGP speaker up: router id {}, {} protocols{}", config.routerId().get().getHostAddress(),
                sessions.size(), listener == null ? "" : ", listening on " + listener.localAddress());
    }

    /**
     * Starts a speaker for {@code config}.
     *
     * @throws IllegalArgumentException naming the protocol when the configuration cannot run
     * @throws IllegalStateException when the listening socket cannot be bound
     */
    public static BgpSpeaker start(BirdConfig config, SpeakerOptions options) {
        return new BgpSpeaker(requireNonNull(config, "config is null"), requireNonNull(options, "options is null"));
    }

    /** Every BGP protocol's status, in configuration order. */
    public List<PeerStatus> peers() {
        List<PeerStatus> out = new ArrayList<>();
        status.values().forEach(cell -> out.add(cell.snapshot()));
        return out;
    }

    public Optional<PeerStatus> peer(String protocolName) {
        return Optional.ofNullable(status.get(protocolName)).map(PeerStatusCell::snapshot);
    }

    /** The protocol name of a RIB peer id ({@link io.tabby.bird.rib.PeerInfo#id()}); empty for 0, the local speaker. */
    public Optional<String> protocolName(int peerId) {
        return Optional.ofNullable(names.get(peerId));
    }

    /** Where the speaker listens, once bound. */
    public Optional<InetSocketAddress> listenAddress() {
        return Optional.ofNullable(listener).map(ch -> (InetSocketAddress) ch.localAddress());
    }

    /** Originates {@code prefix} (ORIGIN IGP, our next hop); replaces an earlier origination of it. */
    public void originate(Prefix prefix) {
        originate(List.of(requireNonNull(prefix, "prefix is null")));
    }

    /** Originates every prefix of {@code prefixes} in one RIB step, so they leave in shared UPDATEs. */
    public void originate(Collection<? extends Prefix> prefixes) {
        List<Prefix> copy = List.copyOf(prefixes);
        rib.post(() -> copy.forEach(prefix -> rib.rib().originate(prefix, ORIGINATED)));
    }

    /** Stops originating {@code prefix}. */
    public void withdrawOriginated(Prefix prefix) {
        withdrawOriginated(List.of(requireNonNull(prefix, "prefix is null")));
    }

    /** Stops originating every prefix of {@code prefixes}, in one RIB step. */
    public void withdrawOriginated(Collection<? extends Prefix> prefixes) {
        List<Prefix> copy = List.copyOf(prefixes);
        rib.post(() -> copy.forEach(prefix -> rib.rib().withdrawOriginated(prefix)));
    }

    /**
     * Runs {@code query} on the RIB thread and completes with its result. The query must only read
     * the RIB (best paths, paths, counts) and must be quick: every peer waits meanwhile.
     */
    public <T> CompletableFuture<T> inspectRib(Function<Rib, T> query) {
        return rib.call(requireNonNull(query, "query is null"));
    }

    /** {@code enable NAME}; false when no BGP protocol has that name. */
    public boolean enable(String protocolName) {
        PeerSession peer = sessions.get(protocolName);
        if (peer != null) {
            peer.loop().execute(peer::start);
        }
        return peer != null;
    }

    /** {@code disable NAME}: the session ends with Cease 6/2; false when no BGP protocol has that name. */
    public boolean disable(String protocolName) {
        PeerSession peer = sessions.get(protocolName);
        if (peer != null) {
            peer.loop().execute(peer::stop);
        }
        return peer != null;
    }

    /** Ends every session with Cease (administrative shutdown), then stops the threads. */
    @Override
    public void close() {
        for (PeerSession peer : sessions.values()) {
            peer.loop().submit(peer::stop).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        if (listener != null) {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        // The RIB first: it must not write to connections whose loops are stopping.
        rib.close();
        sockets.close();
        LOG.info("BGP speaker stopped");
    }

    /**
     * Stops for a graceful restart: every connection is closed without a NOTIFICATION, as if the
     * process had died, so peers that support graceful restart keep our routes (stale) until a new
     * speaker started with {@link SpeakerOptions#restartedLocally()} has re-sent them (RFC 4724).
     */
    public void closeForRestart() {
        for (PeerSession peer : sessions.values()) {
            peer.loop().submit(peer::abandon).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        if (listener != null) {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        // The RIB first: it must not write to connections whose loops are stopping.
        rib.close();
        sockets.close();
        LOG.info("BGP speaker stopped for a graceful restart");
    }

    private void accept(Channel channel) {
        InetAddress remote = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        PeerSession peer = byAddress.get(remote);
        if (peer == null) {
            // BIRD's words for the same thing.
            LOG.warn("Unexpected connect from unknown address {}", remote.getHostAddress());
            channel.close();
            return;
        }
        channel.pipeline().addLast(peer.loop(), "frames", new BgpFrameDecoder());
        peer.incoming(channel);
    }

    private static InetSocketAddress listenAddress(BirdConfig config, SpeakerOptions options, List<BgpProtocol> bgp) {
        if (options.listen().isPresent()) {
            return options.listen().get();
        }
        boolean v4 = bgp.getFirst().neighbor() instanceof Inet4Address;
        InetAddress any = InetAddress.ofLiteral(v4 ? "0.0.0.0" : "::");
        return new InetSocketAddress(config.listen().address().orElse(any), config.listen().port());
    }

    private static long localAs(List<BgpProtocol> bgp) {
        if (bgp.isEmpty()) {
            return 64512;
        }
        long as = bgp.getFirst().localAs();
        for (BgpProtocol protocol : bgp) {
            if (protocol.localAs() != as) {
                throw new IllegalArgumentException("protocol " + protocol.name() + " has local as " + protocol.localAs()
                        + " but protocol " + bgp.getFirst().name() + " has " + as
                        + "; Tabby runs one AS per speaker: use the same 'local as' everywhere");
            }
        }
        return as;
    }

    private static int clusterId(List<BgpProtocol> bgp, int routerId) {
        Optional<Inet4Address> found = Optional.empty();
        for (BgpProtocol protocol : bgp) {
            if (protocol.rrClusterId().isPresent()) {
                if (found.isPresent() && !found.equals(protocol.rrClusterId())) {
                    throw new IllegalArgumentException("protocol " + protocol.name() + " has rr cluster id "
                            + protocol.rrClusterId().get().getHostAddress() + " but another protocol has "
                            + found.get().getHostAddress() + "; use one cluster id per speaker");
                }
                found = protocol.rrClusterId();
            }
        }
        return found.map(SessionConfigs::ipv4).orElse(routerId);
    }
}
