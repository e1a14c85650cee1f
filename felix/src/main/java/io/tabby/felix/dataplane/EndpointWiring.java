package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteChange;
import io.tabby.platform.net.RouteOps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The routes, interface settings and neighbours of the workload endpoints that changed since the
 * last pass, and of no others: each changed endpoint's interface is looked up by name, the routes
 * and neighbours its old version had and its new one has not are removed, then the new version's
 * are written (both idempotent), so adding or deleting one endpoint never lists every route or
 * neighbour of the node. The full pass ({@link RouteManager}, {@link WorkloadNeighbours},
 * {@link InterfaceConfigurator} over every endpoint, reading the kernel) still runs first and on
 * each resync; this class keeps the neighbour and interface bookkeeping of those managers current,
 * so a full pass after it rewrites nothing.
 */
final class EndpointWiring {
    private static final Logger LOG = LogManager.getLogger(EndpointWiring.class);

    private final RouteOps routes;
    /** Up to this many changed endpoints look their interfaces up one by one. */
    static final int ONE_BY_ONE = 8;
    private final LinkOps links;
    private final NetNs ns;
    private final WorkloadNeighbours neighbours;
    private final InterfaceConfigurator interfaces;

    EndpointWiring(RouteOps routes, LinkOps links, NetNs ns, WorkloadNeighbours neighbours,
            InterfaceConfigurator interfaces) {
        this.routes = requireNonNull(routes, "routes is null");
        this.links = requireNonNull(links, "links is null");
        this.ns = requireNonNull(ns, "ns is null");
        this.neighbours = requireNonNull(neighbours, "neighbours is null");
        this.interfaces = requireNonNull(interfaces, "interfaces is null");
    }

    /**
     * Wires the changed endpoints.
     *
     * @param before each changed endpoint as it was wired at the last pass (null: it was not)
     * @param endpoints every endpoint now, of which only the keys of {@code before} are looked at
     * @param ifaceInUse whether some endpoint now names an interface (then its settings stay)
     * @return the changed endpoints whose interface does not exist (yet)
     */
    Set<WorkloadEndpointKey> apply(Map<WorkloadEndpointKey, WorkloadEndpoint> before,
            Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints, Predicate<String> ifaceInUse) {
        Map<String, Optional<Link>> present = new HashMap<>();
        // a batch (a node's pods written in a burst) looks its interfaces up in one listing:
        // each lookup on its own would list every link again
        boolean listedAll = before.size() > ONE_BY_ONE;
        if (listedAll) {
            links.list(ns).forEach(link -> present.put(link.name(), Optional.of(link)));
        }
        List<RouteChange> deletes = new ArrayList<>();
        List<RouteChange> replaces = new ArrayList<>();
        List<Neighbour> neighboursGone = new ArrayList<>();
        List<Neighbour> neighboursWanted = new ArrayList<>();
        Map<String, Boolean> ifacesWanted = new HashMap<>();
        Map<String, Integer> indexes = new HashMap<>();
        Set<String> ifacesLeft = new HashSet<>();
        Set<WorkloadEndpointKey> waiting = new HashSet<>();
        for (Map.Entry<WorkloadEndpointKey, WorkloadEndpoint> change : before.entrySet()) {
            WorkloadEndpointUpdate update = endpoints.get(change.getKey());
            WorkloadEndpoint now = update == null ? null : update.endpoint();
            List<Route> wantedRoutes = now == null ? List.of() : WorkloadWiring.routes(now);
            Set<Neighbour> wantedNeighbours = now == null ? Set.of() : WorkloadWiring.neighbours(now);
            WorkloadEndpoint was = change.getValue();
            if (was != null) {
                Set<IpPrefix> destinations = new HashSet<>();
                wantedRoutes.forEach(r -> destinations.add(r.destination()));
                for (Route old : WorkloadWiring.routes(was)) {
                    if (!destinations.contains(old.destination()) && exists(present, listedAll, old.device().orElseThrow())) {
                        deletes.add(RouteChange.delete(old));
                    }
                }
                WorkloadWiring.neighbours(was).stream().filter(n -> !wantedNeighbours.contains(n))
                        .forEach(neighboursGone::add);
                if (now == null || !now.name().equals(was.name())) {
                    ifacesLeft.add(was.name());
                }
            }
            if (now == null) {
                continue;
            }
            if (!exists(present, listedAll, now.name())) {
                waiting.add(change.getKey());
                continue;
            }
            wantedRoutes.forEach(r -> replaces.add(RouteChange.replace(r)));
            neighboursWanted.addAll(wantedNeighbours);
            ifacesWanted.merge(now.name(), WorkloadWiring.hasIpv6(now), Boolean::logicalOr);
            indexes.put(now.name(), present.get(now.name()).orElseThrow().index());
        }
        ifacesLeft.removeIf(ifaceInUse);
        // Deletes first: an address that moved to another endpoint is replaced after its old route went.
        List<RouteChange> changes = new ArrayList<>(deletes);
        changes.addAll(replaces);
        if (!changes.isEmpty()) {
            LOG.debug("route changes in {}: {}", ns, changes);
            routes.apply(ns, changes);
        }
        neighbours.applyChanges(neighboursGone.stream().filter(n -> exists(present, listedAll, n.device())).toList(),
                neighboursGone, neighboursWanted);
        interfaces.applyChanges(ifacesWanted, indexes, ifacesLeft);
        return waiting;
    }

    private boolean exists(Map<String, Optional<Link>> present, boolean listedAll, String iface) {
        return listedAll ? present.containsKey(iface)
                : present.computeIfAbsent(iface, name -> links.get(ns, name)).isPresent();
    }
}
