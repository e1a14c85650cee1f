package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.MpUnreachNlri;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Update;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The BGP engine's RIB: Adj-RIB-In per peer, the Loc-RIB and Adj-RIB-Out per established peer.
 * Single-threaded; the RIB thread calls {@link #receive} for each UPDATE, the session methods for
 * the FSM's {@code SessionEstablished} ({@link #peerUp}), {@code SessionDown} ({@link #peerDown})
 * and {@code FlushStale} ({@link #flushStale}), and then {@link #drain} for each peer's UPDATEs.
 */
public final class Rib {
    private static final Logger LOG = LogManager.getLogger(Rib.class);
    /** A peer's dirty list may grow to twice the table (or this) before it gives way to a rescan. */
    private static final int MIN_DIRTY_LIMIT = 1 << 16;

    private final RibConfig config;
    private final AttributeInterner interner;
    private final ExportRules exportRules;
    private final LocRib locRib;
    private final BestPathListener listener;
    private final Map<Integer, PeerState> peers = new LinkedHashMap<>();
    private final RouteIntake intake;
    private final BitSet slots = new BitSet();

    public Rib(RibConfig config, AttributeInterner interner) {
        this(config, interner, BestPathListener.NONE);
    }

    public Rib(RibConfig config, AttributeInterner interner, BestPathListener listener) {
        this.listener = requireNonNull(listener, "listener is null");
        this.config = requireNonNull(config, "config is null");
        this.interner = requireNonNull(interner, "interner is null");
        this.exportRules = new ExportRules(config, interner);
        this.locRib = new LocRib(new BestPathSelector(config));
        this.intake = new RouteIntake(locRib);
        this.peers.put(PeerInfo.LOCAL_ID, new PeerState(PeerInfo.local(config.localAs(), config.routerId()),
                ExportFilter.ALL, -1));
    }

    public RibConfig config() {
        return config;
    }

    /** Registers a configured neighbour; it receives routes once {@link #peerUp} is called. */
    public void addPeer(PeerInfo peer, ExportFilter exportFilter) {
        requireNonNull(peer, "peer is null");
        requireNonNull(exportFilter, "exportFilter is null");
        if (peer.isLocal() || peers.containsKey(peer.id())) {
            throw new IllegalArgumentException("peer id " + peer.id() + " is already registered");
        }
        if (peer.internal() != (peer.asn() == config.localAs())) {
            throw new IllegalArgumentException("peer " + peer.address().getHostAddress() + " in AS " + peer.asn()
                    + " is marked " + (peer.internal() ? "iBGP" : "eBGP") + " but our AS is " + config.localAs());
        }
        int slot = slots.nextClearBit(0);
        slots.set(slot);
        peers.put(peer.id(), new PeerState(peer, exportFilter, slot));
    }

    /**
     * The session with {@code peer} is Established ({@code peer} may now carry the router id from
     * its OPEN): it is sent every best path it may have in {@code families}, then End-of-RIB.
     */
    public void peerUp(PeerInfo peer, SessionOptions send, Set<AfiSafi> families) {
        PeerState state = state(peer.id());
        if (state.out != null) {
            forgetSent(state);
        }
        state.info = peer;
        exportRules.forget();
        state.out = new AdjRibOut(state.slot, families, new UpdatePacker(send));
    }

    /**
     * The session ended ({@code SessionDown}): the peer's routes of {@code staleFamilies} stay,
     * marked stale, the rest are withdrawn; nothing more is sent to it until the next {@link #peerUp}.
     */
    public void peerDown(int peerId, Set<AfiSafi> staleFamilies) {
        PeerState state = state(peerId);
        state.out = null;
        locRib.clearSent(state.slot);
        List<PrefixPaths> touched = new ArrayList<>();
        intake.peerDown(state, staleFamilies, touched);
        decideAndExport(touched);
        LOG.debug("peer {} down: {} routes kept stale", peerId, state.imported);
    }

    /**
     * Forgets a neighbour that left the configuration: whatever it sent is withdrawn first, as on
     * a session end without graceful restart. Its id must not be registered again.
     */
    public void removePeer(int peerId) {
        PeerState state = state(peerId);
        peerDown(peerId, Set.of());
        peers.remove(peerId);
        slots.clear(state.slot);
        exportRules.forget();
    }

    /** Drops the peer's routes of these families still marked stale ({@code FlushStale}). */
    public void flushStale(int peerId, Set<AfiSafi> families) {
        List<PrefixPaths> touched = new ArrayList<>();
        intake.flushStale(state(peerId), families, touched);
        decideAndExport(touched);
    }

    /** Applies one UPDATE from {@code peerId}; End-of-RIB markers change nothing here. */
    public void receive(int peerId, Update update) {
        PeerState state = state(peerId);
        List<PrefixPaths> touched = new ArrayList<>(update.withdrawn().size() + update.nlri().size()
                + update.mpReach().map(reach -> reach.nlri().size()).orElse(0));
        intake.withdraw(state, update.withdrawn(), touched);
        update.mpUnreach().ifPresent(unreach -> intake.withdraw(state, unreach.withdrawn(), touched));
        boolean reachable = update.hasReachable();
        if (reachable) {
            AttributeSet attributes = interner.intern(update.attributes());
            boolean looped = InputChecks.looped(attributes, state.info, config);
            if (looped) {
                LOG.debug("peer {}: dropping routes that loop back to us: {}", peerId, attributes);
            }
            intake.announce(state, attributes, Bytes.EMPTY, update.nlri(), looped, touched);
            if (update.mpReach().isPresent()) {
                MpReachNlri reach = update.mpReach().get();
                intake.announce(state, attributes, reach.nextHop(), reach.nlri(), looped, touched);
            }
        }
        decideAndExport(touched);
    }

    /**
     * Originates {@code prefix} from this speaker (BIRD's static and kernel routes exported to BGP,
     * such as Calico's IPAM blocks), replacing an earlier origination of it. {@code attributes}
     * should hold ORIGIN and an empty AS_PATH; the next hop is set per peer on export.
     */
    public void originate(Prefix prefix, AttributeSet attributes) {
        requireNonNull(prefix, "prefix is null");
        PeerState local = peers.get(PeerInfo.LOCAL_ID);
        PrefixList.Builder one = PrefixList.builder(Families.of(prefix), false);
        one.add(prefix, 0);
        List<PrefixPaths> touched = new ArrayList<>();
        intake.announce(local, interner.intern(requireNonNull(attributes, "attributes is null")), Bytes.EMPTY, one.build(),
                false, touched);
        decideAndExport(touched);
    }

    /** Stops originating {@code prefix}; nothing happens if it was not originated. */
    public void withdrawOriginated(Prefix prefix) {
        requireNonNull(prefix, "prefix is null");
        PeerState local = peers.get(PeerInfo.LOCAL_ID);
        PrefixList.Builder one = PrefixList.builder(Families.of(prefix), false);
        one.add(prefix, 0);
        List<PrefixPaths> touched = new ArrayList<>();
        intake.withdraw(local, one.build(), touched);
        decideAndExport(touched);
    }

    /**
     * Replaces {@code peerId}'s export filter (a reconfigure) and re-evaluates what it is sent:
     * prefixes the new filter refuses are withdrawn, newly accepted ones announced.
     */
    public void replaceExportFilter(int peerId, ExportFilter exportFilter) {
        PeerState state = state(peerId);
        state.exportFilter = requireNonNull(exportFilter, "exportFilter is null");
        if (state.out != null) {
            state.out.rescanAll();
        }
    }

    /**
     * Sends {@code peerId} its whole Adj-RIB-Out again on the next drain (the peer's ROUTE-REFRESH,
     * RFC 2918 §4). Does nothing while the peer is down.
     */
    public void resend(int peerId) {
        PeerState state = state(peerId);
        if (state.out != null) {
            forgetSent(state);
        }
    }

    /** Clears what the peer holds from us on every entry, so the next drain sends it all again. */
    private void forgetSent(PeerState state) {
        locRib.clearSent(state.slot);
        state.out.forgetSent();
    }

    /** The UPDATEs to send {@code peerId} now, in order; empty when it is up to date or down. */
    public List<Update> drain(int peerId) {
        PeerState state = state(peerId);
        return state.out == null ? List.of() : state.out.drain(locRib, state, exportRules);
    }

    /** The winner for {@code prefix} and why it won, if anything reaches it. */
    public Optional<Decision> bestPath(Prefix prefix) {
        return Optional.ofNullable(locRib.decision(requireNonNull(prefix, "prefix is null")));
    }

    /** Every path to {@code prefix}, in no particular order. */
    public List<Route> paths(Prefix prefix) {
        PrefixPaths paths = locRib.paths(prefix);
        List<Route> out = new ArrayList<>();
        for (int i = 0; paths != null && i < paths.size(); i++) {
            out.add(paths.path(i));
        }
        return out;
    }

    /** What {@code peerId} was last sent for {@code prefix}, if anything. */
    public Optional<Advert> advertised(int peerId, Prefix prefix) {
        PeerState state = state(peerId);
        PrefixPaths entry = state.out == null ? null : locRib.get(prefix);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.sent(state.slot));
    }

    /** Number of paths {@code peerId} has in the Adj-RIB-In (stale ones included). */
    public int importedCount(int peerId) {
        return state(peerId).imported;
    }

    /** Number of prefixes {@code peerId} was sent and holds from us; 0 while it is down. */
    public int exportedCount(int peerId) {
        AdjRibOut out = state(peerId).out;
        return out == null ? 0 : out.sentCount();
    }

    /** Visits every prefix's best path (prefixes in no particular order). Do not modify the RIB meanwhile. */
    public void forEachBest(java.util.function.BiConsumer<Prefix, Route> visitor) {
        locRib.forEachBest(requireNonNull(visitor, "visitor is null"));
    }

    /** Number of prefixes with at least one path. */
    public int prefixCount() {
        return locRib.prefixCount();
    }

    /**
     * Lets the interner forget attribute sets no stored route or sent advert uses. Call at a quiet
     * moment (after a batch of UPDATEs has been applied and drained); it walks every route.
     */
    public void sweepAttributes() {
        exportRules.forget();
        interner.retainOnly(locRib.usedAttributes()::contains);
    }

    private PeerState state(int peerId) {
        PeerState state = peers.get(peerId);
        if (state == null || peerId == PeerInfo.LOCAL_ID) {
            throw new IllegalArgumentException("peer id " + peerId + " is not registered with the RIB");
        }
        return state;
    }

    private void decideAndExport(List<PrefixPaths> touched) {
        for (int i = 0; i < touched.size(); i++) {
            PrefixPaths entry = touched.get(i);
            if (locRib.decide(entry)) {
                export(entry);
                listener.bestChanged(entry.prefix(), entry.best());
            }
            locRib.dropIfUnused(entry);
        }
    }

    /** Marks {@code entry} dirty for every up peer that may be sent its best path or holds an advert for it. */
    private void export(PrefixPaths entry) {
        Route best = entry.best();
        AfiSafi family = Families.of(entry.prefix());
        int limit = Math.max(MIN_DIRTY_LIMIT, 2 * locRib.prefixCount());
        for (PeerState target : peers.values()) {
            AdjRibOut out = target.out;
            if (out != null && out.carries(family)
                    && (best != null && ExportRules.allowed(best.source(), target.info)
                        || entry.sent(target.slot) != null)) {
                out.markDirty(entry, limit);
            }
        }
    }
}
