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
 * What one established peer should be sent next (RFC 4271 §3.2 Adj-RIB-Out; what it was sent
 * lives on each Loc-RIB entry under the peer's slot). A changed prefix is only marked dirty: its
 * entry joins this peer's dirty list, and the drain works out the advert then, from the entry's
 * best path, and compares it with what the peer holds. So a prefix that flaps between two drains
 * costs one UPDATE entry or none, a prefix listed twice costs nothing more, and marking costs no
 * table probe. A rescan (session up, new export filter, ROUTE-REFRESH, or a dirty list grown past
 * the table's size while the peer could not take writes) visits every entry instead. A drain
 * groups the announcements by advert so prefixes sharing attributes share UPDATEs, sends
 * withdrawals first, and ends the initial sync with End-of-RIB.
 */
final class AdjRibOut {
    /** Dirty lists longer than this are dropped after a drain rather than kept at their peak size. */
    private static final int KEEP_DIRTY_CAPACITY = 1 << 16;

    private final int slot;
    private final Set<AfiSafi> families;
    private final UpdatePacker packer;
    private final Set<AfiSafi> endOfRibDue;
    private ArrayList<PrefixPaths> dirty = new ArrayList<>();
    private boolean rescan = true;
    private int sentCount;

    AdjRibOut(int slot, Set<AfiSafi> families, UpdatePacker packer) {
        this.slot = slot;
        this.families = Set.copyOf(families);
        this.packer = requireNonNull(packer, "packer is null");
        this.endOfRibDue = new LinkedHashSet<>(families);
    }

    int slot() {
        return slot;
    }

    boolean carries(AfiSafi family) {
        return families.contains(family);
    }

    /**
     * {@code entry}'s best path changed: look at it on the next drain. Past {@code limit} pending
     * entries the list gives way to a rescan of the whole table, so it cannot outgrow the table.
     */
    void markDirty(PrefixPaths entry, int limit) {
        if (rescan) {
            return;
        }
        if (dirty.size() >= limit) {
            rescanAll();
            return;
        }
        dirty.add(entry);
    }

    /** The next drain visits every entry (its dirty list is moot). */
    void rescanAll() {
        rescan = true;
        dirty = new ArrayList<>();
    }

    /** The peer no longer holds anything from us (the caller cleared the slot on every entry). */
    void forgetSent() {
        sentCount = 0;
        rescanAll();
    }

    int sentCount() {
        return sentCount;
    }

    /**
     * The UPDATEs that bring the peer up to date, in sending order; empty when it is. Withdrawals
     * go first, then the announcements grouped by advert; within a group the order is the order
     * the prefixes changed in (or the table's, after a rescan), which the peer does not care about.
     */
    List<Update> drain(LocRib locRib, PeerState target, ExportRules exportRules) {
        Map<AfiSafi, List<Prefix>> withdrawn = new LinkedHashMap<>();
        Map<AfiSafi, Map<Advert, List<Prefix>>> announced = new LinkedHashMap<>();
        List<PrefixPaths> emptied = new ArrayList<>();
        Visit visit = new Visit(target, exportRules, withdrawn, announced, emptied);
        if (rescan) {
            locRib.forEachEntry(visit::visit);
            rescan = false;
        } else {
            for (int i = 0; i < dirty.size(); i++) {
                visit.visit(dirty.get(i));
            }
        }
        if (dirty.size() > KEEP_DIRTY_CAPACITY) {
            dirty = new ArrayList<>();
        } else {
            dirty.clear();
        }
        for (int i = 0; i < emptied.size(); i++) {
            locRib.dropIfUnused(emptied.get(i));
        }
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

    /** One drain's pass: compares each visited entry's advert for the peer with what it holds. */
    private final class Visit {
        private final PeerState target;
        private final ExportRules exportRules;
        private final Map<AfiSafi, List<Prefix>> withdrawn;
        private final Map<AfiSafi, Map<Advert, List<Prefix>>> announced;
        private final List<PrefixPaths> emptied;
        private Advert lastAdvert;
        private AfiSafi lastFamily;
        private List<Prefix> lastGroup;

        Visit(PeerState target, ExportRules exportRules, Map<AfiSafi, List<Prefix>> withdrawn,
              Map<AfiSafi, Map<Advert, List<Prefix>>> announced, List<PrefixPaths> emptied) {
            this.target = target;
            this.exportRules = exportRules;
            this.withdrawn = withdrawn;
            this.announced = announced;
            this.emptied = emptied;
        }

        void visit(PrefixPaths entry) {
            Prefix prefix = entry.prefix();
            AfiSafi family = Families.of(prefix);
            if (!carries(family)) {
                return;
            }
            Route best = entry.best();
            Advert want = best == null ? null : exportRules.export(best, target.info, target.exportFilter);
            Advert had = entry.sent(slot);
            if (want == null) {
                if (had != null) {
                    entry.sent(slot, null);
                    sentCount--;
                    withdrawn.computeIfAbsent(family, f -> new ArrayList<>()).add(prefix);
                    if (entry.size() == 0) {
                        emptied.add(entry);
                    }
                }
                return;
            }
            if (want.equals(had)) {
                return;
            }
            entry.sent(slot, want);
            if (had == null) {
                sentCount++;
            }
            // Consecutive prefixes mostly share one advert: skip the two map lookups then.
            if (want != lastAdvert || family != lastFamily) {
                lastAdvert = want;
                lastFamily = family;
                lastGroup = announced.computeIfAbsent(family, f -> new LinkedHashMap<>())
                        .computeIfAbsent(want, a -> new ArrayList<>());
            }
            lastGroup.add(prefix);
        }
    }
}
