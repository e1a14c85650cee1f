package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NetNs;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides what each dataplane pass does about the workloads' routes, interface settings and
 * neighbours. The first pass, the pass after a resync and the pass after a failure are full
 * ones ({@link RouteManager}, {@link InterfaceConfigurator}, {@link WorkloadNeighbours} over every
 * endpoint, reading the kernel back); any other pass wires only the endpoints whose wiring changed
 * since ({@link EndpointWiring}). Endpoints whose interface did not exist are looked for again on
 * a retry (a pass without new messages) and, while changes keep coming, at most every
 * {@link #WAITING_CHECK_INTERVAL_NANOS}: one listing of the links, then only those that appeared.
 */
final class WorkloadWiringPasses {
    /** How often, at most, waiting endpoints' interfaces are looked for while changes keep arriving. */
    static final long WAITING_CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final RouteManager routes;
    private final InterfaceConfigurator interfaces;
    private final WorkloadNeighbours neighbours;
    private final EndpointWiring endpointWiring;
    private final LinkOps links;
    private final NetNs ns;

    private boolean full = true;
    /** Endpoints whose wiring changed since the last pass, with the version wired then (null: none). */
    private final Map<WorkloadEndpointKey, WorkloadEndpoint> changed = new HashMap<>();
    /** Endpoints whose interface did not exist at their last pass. */
    private final Set<WorkloadEndpointKey> waiting = new HashSet<>();
    /** Workload interface to how many endpoints name it. */
    private final Map<String, Integer> ifaceUsers = new HashMap<>();
    private long lastWaitingCheck = System.nanoTime();

    WorkloadWiringPasses(KernelOps kernel, LinkOps links, String interfacePrefix) {
        requireNonNull(kernel, "kernel is null");
        this.links = requireNonNull(links, "links is null");
        this.ns = kernel.ns();
        this.routes = new RouteManager(kernel.routes(), links, ns, interfacePrefix);
        this.interfaces = new InterfaceConfigurator(kernel.sysctls(), links, ns);
        this.neighbours = new WorkloadNeighbours(kernel.neighs(), links, ns);
        this.endpointWiring = new EndpointWiring(kernel.routes(), links, ns, neighbours, interfaces);
    }

    /**
     * Notes an endpoint update or removal ({@code now} null); a change that leaves its routes,
     * settings and neighbours as they were (a label or policy change) is no wiring change.
     */
    void endpointChanged(WorkloadEndpointKey key, WorkloadEndpointUpdate before, WorkloadEndpointUpdate now) {
        if (before != null && now != null && WorkloadWiring.same(before.endpoint(), now.endpoint())) {
            return;
        }
        if (!changed.containsKey(key)) {
            changed.put(key, before == null || waiting.contains(key) ? null : before.endpoint());
        }
        if (before != null) {
            useIface(before.endpoint().name(), -1);
        }
        if (now != null) {
            useIface(now.endpoint().name(), 1);
        }
    }

    /** The next pass reads everything back. */
    void markResync() {
        neighbours.markResync();
        full = true;
    }

    /**
     * One pass.
     *
     * @param endpoints every local endpoint now
     * @param retry whether no message arrived since the last pass
     * @return true when some endpoint waits for its interface
     */
    boolean apply(Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints, boolean retry) {
        if (full) {
            return fullPass(endpoints);
        }
        Map<WorkloadEndpointKey, WorkloadEndpoint> work = new HashMap<>(changed);
        if (!waiting.isEmpty() && (retry || System.nanoTime() - lastWaitingCheck >= WAITING_CHECK_INTERVAL_NANOS)) {
            lastWaitingCheck = System.nanoTime();
            Set<String> present = new HashSet<>();
            links.list(ns).forEach(link -> present.add(link.name()));
            for (WorkloadEndpointKey key : waiting) {
                WorkloadEndpointUpdate update = endpoints.get(key);
                if (update != null && present.contains(update.endpoint().name()) && !work.containsKey(key)) {
                    work.put(key, null); // never wired: nothing of it to remove
                }
            }
        }
        if (work.isEmpty()) {
            return !waiting.isEmpty();
        }
        try {
            Set<WorkloadEndpointKey> stillWaiting = endpointWiring.apply(work, endpoints, ifaceUsers::containsKey);
            changed.clear();
            waiting.removeAll(work.keySet());
            waiting.addAll(stillWaiting);
        } catch (RuntimeException e) {
            full = true; // what was written is unknown: read everything back next time
            throw e;
        }
        return !waiting.isEmpty();
    }

    /** Every endpoint, against what the kernel holds; each step runs even when another failed. */
    private boolean fullPass(Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints) {
        routes.setDesired(WorkloadWiring.routes(endpoints.values()));
        neighbours.setDesired(WorkloadWiring.neighbours(endpoints.values()));
        interfaces.setDesired(WorkloadWiring.interfaces(endpoints.values()));
        RuntimeException failure = null;
        for (Runnable step : new Runnable[] {routes::apply, interfaces::apply, neighbours::apply}) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure; // still full: the next pass is a full one again
        }
        Set<String> present = new HashSet<>();
        links.list(ns).forEach(link -> present.add(link.name()));
        waiting.clear();
        endpoints.forEach((key, update) -> {
            if (!present.contains(update.endpoint().name())) {
                waiting.add(key);
            }
        });
        changed.clear();
        full = false;
        lastWaitingCheck = System.nanoTime();
        return !waiting.isEmpty();
    }

    private void useIface(String iface, int delta) {
        if (ifaceUsers.merge(iface, delta, Integer::sum) == 0) {
            ifaceUsers.remove(iface);
        }
    }
}
