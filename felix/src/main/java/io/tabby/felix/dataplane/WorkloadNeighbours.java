package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NeighOps;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.NetNs;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A permanent neighbour entry {@code <workload ip> lladdr <workload mac>} on each workload's
 * interface, as felix writes it, so the node never has to ARP for its pods. Entries are written
 * with {@code replace} (idempotent) in one batch; what was written is remembered, and a resync
 * reads the entries of the workload interfaces back, so an entry deleted behind felix's back is
 * written again and nothing else is.
 */
final class WorkloadNeighbours {
    private final NeighOps neighs;
    private final LinkOps links;
    private final NetNs ns;
    private Set<Neighbour> desired = Set.of();
    private final Set<Neighbour> written = new HashSet<>();
    private boolean verify = true;

    WorkloadNeighbours(NeighOps neighs, LinkOps links, NetNs ns) {
        this.neighs = requireNonNull(neighs, "neighs is null");
        this.links = requireNonNull(links, "links is null");
        this.ns = requireNonNull(ns, "ns is null");
    }

    void setDesired(Set<Neighbour> entries) {
        desired = Set.copyOf(entries);
    }

    void markResync() {
        verify = true;
    }

    /** Writes new entries and removes old ones; true when an entry waits for its interface. */
    boolean apply() {
        if (verify) {
            readBack();
        }
        List<Neighbour> add = desired.stream().filter(n -> !written.contains(n)).toList();
        List<Neighbour> remove = written.stream().filter(n -> !desired.contains(n)).toList();
        if (add.isEmpty() && remove.isEmpty()) {
            return false;
        }
        Set<String> present = links.list(ns).stream().map(Link::name).collect(Collectors.toSet());
        List<Neighbour> removable = remove.stream().filter(n -> present.contains(n.device())).toList();
        if (!removable.isEmpty()) {
            neighs.delete(ns, removable);
        }
        remove.forEach(written::remove);
        List<Neighbour> addable = add.stream().filter(n -> present.contains(n.device())).toList();
        if (!addable.isEmpty()) {
            neighs.replacePermanent(ns, addable);
            written.addAll(addable);
        }
        return addable.size() < add.size();
    }

    /**
     * Changes a few entries without looking at the others: deletes {@code remove} (their interfaces
     * exist), forgets {@code forget}, writes those of {@code add} not written yet (their interfaces
     * exist). Used between full passes; a pending read-back is left to the next full pass.
     */
    void applyChanges(List<Neighbour> remove, Collection<Neighbour> forget, Collection<Neighbour> add) {
        if (!remove.isEmpty()) {
            neighs.delete(ns, remove);
        }
        forget.forEach(written::remove);
        List<Neighbour> fresh = add.stream().filter(n -> !written.contains(n)).toList();
        if (!fresh.isEmpty()) {
            neighs.replacePermanent(ns, fresh);
            written.addAll(fresh);
        }
    }

    /** What the kernel holds on the interfaces of wanted entries replaces what was remembered. */
    private void readBack() {
        Set<String> present = links.list(ns).stream().map(Link::name).collect(Collectors.toSet());
        Set<String> devices = desired.stream().map(Neighbour::device).filter(present::contains)
                .collect(Collectors.toSet());
        written.clear();
        for (String device : devices) {
            written.addAll(neighs.listPermanent(ns, device));
        }
        verify = false;
    }
}
