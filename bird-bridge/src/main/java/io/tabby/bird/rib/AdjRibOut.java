package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.message.Update;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one established peer has been sent (RFC 4271 §3.2 Adj-RIB-Out) and what it should be sent
 * next. Changes are staged per prefix, so a prefix that flaps between two drains costs one
 * UPDATE entry or none; a drain groups the staged announcements by advert so prefixes sharing
 * attributes share UPDATEs, sends withdrawals first, and ends the initial sync with End-of-RIB.
 */
final class AdjRibOut {
    private final PeerInfo peer;
    private final Set<AfiSafi> families;
    private final UpdatePacker packer;
    /** Stands for a staged withdrawal in {@link #staged}, whose values cannot be null. */
    private static final Object WITHDRAWAL = new Object();

    private final PrefixTable<Advert> sent = new PrefixTable<>();
    /** Prefix to its staged advert or {@link #WITHDRAWAL}; replaced by a fresh table on every drain. */
    private PrefixTable<Object> staged = new PrefixTable<>();
    /** The most entries a fresh staging table is sized for up front. */
    private static final int STAGED_PRESIZE_LIMIT = 1 << 16;
    private final Set<AfiSafi> endOfRibDue;

    AdjRibOut(PeerInfo peer, Set<AfiSafi> families, UpdatePacker packer) {
        this.peer = requireNonNull(peer, "peer is null");
        this.families = Set.copyOf(families);
        this.packer = requireNonNull(packer, "packer is null");
        this.endOfRibDue = new LinkedHashSet<>(families);
    }

    PeerInfo peer() {
        return peer;
    }

    boolean carries(AfiSafi family) {
        return families.contains(family);
    }

    /** Stages {@code advert} for {@code prefix}; null stages a withdrawal. */
    void stage(Prefix prefix, Advert advert) {
        staged.put(prefix, advert == null ? WITHDRAWAL : advert);
    }

    /** The advert last sent for {@code prefix}, or null. */
    Advert sent(Prefix prefix) {
        return sent.get(prefix);
    }

    /** The prefixes the peer holds from us (a copy). */
    List<Prefix> sentPrefixes() {
        List<Prefix> out = new ArrayList<>(sent.size());
        sent.forEach((prefix, advert) -> out.add((Prefix) prefix));
        return out;
    }

    /** Forgets what was sent, so the next drain sends every staged advert again. */
    void forgetSent() {
        sent.clear();
    }

    Iterable<Advert> sentAdverts() {
        return sent.values();
    }

    int sentCount() {
        return sent.size();
    }

    /**
     * The UPDATEs that bring the peer up to date, in sending order; empty when it is. Withdrawals
     * go first, then the announcements grouped by advert; within a group the order is the staging
     * table's, which the peer does not care about.
     */
    List<Update> drain() {
        Map<AfiSafi, List<Prefix>> withdrawn = new LinkedHashMap<>();
        Map<AfiSafi, Map<Advert, List<Prefix>>> announced = new LinkedHashMap<>();
        staged.forEach((key, change) -> {
            Prefix prefix = (Prefix) key;
            AfiSafi family = Families.of(prefix);
            if (change == WITHDRAWAL) {
                if (sent.remove(prefix) != null) {
                    withdrawn.computeIfAbsent(family, f -> new ArrayList<>()).add(prefix);
                }
            } else {
                Advert advert = (Advert) change;
                if (!advert.equals(sent.put(prefix, advert))) {
                    announced.computeIfAbsent(family, f -> new LinkedHashMap<>())
                            .computeIfAbsent(advert, a -> new ArrayList<>()).add(prefix);
                }
            }
        });
        // a fresh table, not clear(): after a full table was staged, clearing would keep its
        // million-slot arrays for good and sweep them on every later drain. Sized for a batch like
        // this one (bounded), so a flood of UPDATEs does not pay for growing it again every batch.
        staged = new PrefixTable<>(Math.min(staged.size(), STAGED_PRESIZE_LIMIT));
        List<Update> out = new ArrayList<>();
        for (Map.Entry<AfiSafi, List<Prefix>> e : withdrawn.entrySet()) {
            packer.withdrawals(e.getKey(), e.getValue(), out);
        }
        for (Map.Entry<AfiSafi, Map<Advert, List<Prefix>>> family : announced.entrySet()) {
            for (Map.Entry<Advert, List<Prefix>> group : family.getValue().entrySet()) {
                packer.announcements(family.getKey(), group.getKey(), group.getValue(), out);
            }
        }
        for (AfiSafi family : endOfRibDue) {
            out.add(Update.endOfRib(family));
        }
        endOfRibDue.clear();
        return out;
    }
}
