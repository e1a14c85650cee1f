package io.tabby.bird.speaker;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.rib.ExportFilter;
import io.tabby.bird.rib.Rib;
import io.tabby.bird.rib.RibConfig;
import io.tabby.bird.transport.BgpFrameDecoder;
import io.tabby.bird.transport.BgpSockets;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.Origin;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A running BGP speaker for one BIRD configuration (one per address family, as {@code bird} and
 * {@code bird6}): one session per {@code protocol bgp}, the static protocols' routes originated,
 * a listening socket for incoming connections. Thread-safe; only {@link #close} and
 * {@link #reconfigure} wait (briefly) for the sessions.
 */
public final class BgpSpeaker implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(BgpSpeaker.class);
    /** What a route we originate carries before export rewrites it per peer: ORIGIN IGP, empty AS_PATH. */
    private static final AttributeSet ORIGINATED = AttributeSet.of(Origin.IGP, AsPath.EMPTY);

    private final SpeakerOptions options;
    private final SpeakerIdentity identity;
    private final AttributeInterner interner = new AttributeInterner();
    private final RibWorker rib;
    private final BgpSockets sockets;
    private final Channel listener;
    /** Protocol name to session, in configuration order; replaced whole (copy on write). */
    private volatile Map<String, PeerSession> sessions = Map.of();
    private BirdConfig current;
    private int lastId;

    private BgpSpeaker(BirdConfig config, SpeakerOptions options) {
        this.options = options;
        this.identity = SpeakerIdentity.of(config);
        RibConfig ribConfig = RibConfig.of(identity.localAs(), identity.routerId()).withClusterId(identity.clusterId());
        this.rib = new RibWorker(new Rib(ribConfig, interner, options.bestPathListener()), interner,
                Thread.ofPlatform().name("bgp-rib").daemon(true).factory());
        this.sockets = new BgpSockets(options.ioThreads(), options.ioThreadFactory());
        try {
            ConfigFacts.checkNeighbors(config.bgpProtocols());
            Map<String, PeerSession> created = new LinkedHashMap<>();
            for (BgpProtocol protocol : config.bgpProtocols()) {
                created.put(protocol.name(), create(protocol, policies(config, protocol)));
            }
            this.sessions = Collections.unmodifiableMap(created);
            List<BgpProtocol> bgp = config.bgpProtocols();
            this.listener = options.listenEnabled() && !bgp.isEmpty()
                    ? sockets.listen(ConfigFacts.listenAddress(config, options, bgp), ConfigFacts.passwords(bgp),
                            this::accept)
                    : null;
        } catch (RuntimeException e) {
            sockets.close();
            rib.close();
            throw e;
        }
        this.current = config;
        originate(ConfigFacts.staticPrefixes(config));
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
        sessions.values().forEach(peer -> out.add(peer.status().snapshot()));
        return out;
    }

    public Optional<PeerStatus> peer(String protocolName) {
        return Optional.ofNullable(sessions.get(protocolName)).map(peer -> peer.status().snapshot());
    }

    /** The protocol name of a RIB peer id ({@link io.tabby.bird.rib.PeerInfo#id()}); empty for 0, the local speaker. */
    public Optional<String> protocolName(int peerId) {
        return sessions.values().stream().filter(peer -> peer.id() == peerId).map(peer -> peer.protocol().name())
                .findFirst();
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

    /** {@code restart NAME}: Cease, then a fresh start; false when no BGP protocol has that name. */
    public boolean restart(String protocolName) {
        PeerSession peer = sessions.get(protocolName);
        if (peer != null) {
            peer.loop().execute(() -> {
                peer.stop();
                peer.start();
            });
        }
        return peer != null;
    }

    /**
     * Applies a new configuration the way BIRD's {@code configure} does: a protocol whose session
     * options are unchanged keeps its session, a changed filter is re-applied (export: against what
     * we have; import: to what the peer sends again after a ROUTE-REFRESH, or after a session
     * restart if it cannot refresh); a changed protocol restarts; new ones start and removed ones
     * stop with Cease.
     * Static routes are originated or withdrawn by difference. Nothing changes if the new
     * configuration is refused.
     *
     * @throws IllegalArgumentException naming what cannot change at run time (router id, AS, cluster
     *     id, listen address) or what is wrong with a protocol
     */
    public synchronized Reconfiguration reconfigure(BirdConfig next) {
        requireNonNull(next, "next is null");
        SpeakerIdentity proposed = SpeakerIdentity.of(next);
        // Without BGP protocols the AS and cluster id are placeholders that nothing uses.
        boolean sameIdentity = next.bgpProtocols().isEmpty()
                ? proposed.routerId() == identity.routerId() : proposed.equals(identity);
        if (!sameIdentity || !next.listen().equals(current.listen())) {
            throw new IllegalArgumentException("the router id, local AS, rr cluster id or 'listen bgp' changed: "
                    + "they cannot change while the speaker runs; restart it to apply them");
        }
        next.bgpProtocols().forEach(protocol -> SessionConfigs.of(protocol, identity.routerId()));
        ConfigFacts.checkNeighbors(next.bgpProtocols());
        // Every filter before anything changes: a refused policy leaves the running speaker as it was.
        Map<String, Policies> policies = new HashMap<>();
        next.bgpProtocols().forEach(protocol -> policies.put(protocol.name(), policies(next, protocol)));
        Map<String, PeerSession> before = sessions;
        Map<String, PeerSession> after = new LinkedHashMap<>();
        List<String> unchanged = new ArrayList<>();
        List<String> reloaded = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<PeerSession> stopping = new ArrayList<>();
        for (BgpProtocol protocol : next.bgpProtocols()) {
            PeerSession old = before.get(protocol.name());
            ProtocolDiff.Change change = old == null ? ProtocolDiff.Change.RESTART
                    : ProtocolDiff.of(current, old.protocol(), next, protocol);
            if (change.restart()) {
                if (old != null) {
                    stopping.add(old);
                    restarted.add(protocol.name());
                } else {
                    added.add(protocol.name());
                }
                after.put(protocol.name(), null);
                continue;
            }
            after.put(protocol.name(), old);
            old.replaceProtocol(protocol);
            (change.unchanged() ? unchanged : reloaded).add(protocol.name());
            if (change.exportChanged()) {
                ExportFilter filter = policies.get(protocol.name()).export();
                rib.post(() -> rib.rib().replaceExportFilter(old.id(), filter));
            }
            if (change.importChanged()) {
                rib.replaceImportFilter(old.id(), policies.get(protocol.name()).imports());
                old.loop().execute(old::refreshIn);
            }
        }
        List<String> removed = new ArrayList<>();
        before.forEach((name, peer) -> {
            if (!after.containsKey(name)) {
                stopping.add(peer);
                removed.add(name);
            }
        });
        for (PeerSession peer : stopping) {
            peer.loop().submit(peer::stop).awaitUninterruptibly(2, TimeUnit.SECONDS);
            rib.removePeer(peer.id());
        }
        List<PeerSession> starting = new ArrayList<>();
        for (BgpProtocol protocol : next.bgpProtocols()) {
            if (after.get(protocol.name()) == null) {
                PeerSession peer = create(protocol, policies.get(protocol.name()));
                after.put(protocol.name(), peer);
                starting.add(peer);
            }
        }
        this.sessions = Collections.unmodifiableMap(after);
        if (listener != null) {
            sockets.setPasswords(listener, ConfigFacts.passwords(next.bgpProtocols()));
        }
        Set<Prefix> oldStatics = ConfigFacts.staticPrefixes(current);
        Set<Prefix> newStatics = ConfigFacts.staticPrefixes(next);
        withdrawOriginated(oldStatics.stream().filter(p -> !newStatics.contains(p)).toList());
        originate(newStatics.stream().filter(p -> !oldStatics.contains(p)).toList());
        this.current = next;
        starting.forEach(peer -> peer.loop().execute(peer::start));
        Reconfiguration result = new Reconfiguration(unchanged, reloaded, restarted, added, removed);
        LOG.info("reconfigured: {}", result);
        return result;
    }

    /** Ends every session with Cease (administrative shutdown), then stops the threads. */
    @Override
    public void close() {
        for (PeerSession peer : sessions.values()) {
            peer.loop().submit(peer::stop).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        shutDown();
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
        shutDown();
        LOG.info("BGP speaker stopped for a graceful restart");
    }

    private void shutDown() {
        if (listener != null) {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        // The RIB first: it must not write to connections whose loops are stopping.
        rib.close();
        sockets.close();
    }

    /** A protocol's filters, made by the policy hook. */
    private record Policies(ImportFilter imports, ExportFilter export) {
    }

    private Policies policies(BirdConfig config, BgpProtocol protocol) {
        return new Policies(options.policies().importFilter(config, protocol),
                options.policies().exportFilter(config, protocol));
    }

    private PeerSession create(BgpProtocol protocol, Policies policies) {
        int id = ++lastId;
        PeerStatusCell cell = new PeerStatusCell(protocol.name(), protocol.neighbor(), protocol.neighborAs(),
                options.clock().instant());
        PeerSession peer = new PeerSession(id, protocol, SessionConfigs.of(protocol, identity.routerId()),
                sockets.nextLoop(), sockets, rib, interner, cell, options.clock(), options.restartedLocally());
        rib.addPeer(peer.initialInfo(), policies.imports(), policies.export(), cell);
        return peer;
    }

    private void accept(Channel channel) {
        InetAddress remote = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        PeerSession peer = sessions.values().stream().filter(p -> p.protocol().neighbor().equals(remote)).findFirst()
                .orElse(null);
        if (peer == null) {
            // BIRD's words for the same thing.
            LOG.warn("Unexpected connect from unknown address {}", remote.getHostAddress());
            channel.close();
            return;
        }
        channel.pipeline().addLast(peer.loop(), "frames", new BgpFrameDecoder());
        peer.incoming(channel);
    }
}
