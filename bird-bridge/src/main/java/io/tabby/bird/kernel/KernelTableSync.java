package io.tabby.bird.kernel;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.net.BatchFailedException;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteChange;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteScope;
import io.tabby.platform.net.RouteType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** {@link KernelExport} over {@link RouteOps}: see the package documentation for the rules. */
public final class KernelTableSync implements KernelExport {

    private static final Logger LOG = LogManager.getLogger(KernelTableSync.class);
    private static final int IPV6_DEFAULT_METRIC = 1024;

    private final RouteOps routes;
    private final KernelSettings settings;
    /** What the engine wants, by destination. */
    private final Map<IpPrefix, KernelRoute> desired = new LinkedHashMap<>();
    /** Tabby's routes in the kernel as last written or read, by destination. */
    private final Map<IpPrefix, Route> installed = new HashMap<>();
    /** Routes found at start-up that the engine has not announced again yet. */
    private final Set<IpPrefix> adopted = new HashSet<>();
    /** Desired routes not in the kernel: an alien route is in the way, or the kernel refused them. */
    private final Set<IpPrefix> held = new HashSet<>();
    /** Other owners' routes in the table, as of the last read. */
    private final Map<IpPrefix, Route> aliens = new HashMap<>();
    private boolean synced;

    /** Reads the table once: Tabby's routes are adopted, other owners' remembered. */
    public KernelTableSync(RouteOps routes, KernelSettings settings) {
        this.routes = requireNonNull(routes, "routes is null");
        this.settings = requireNonNull(settings, "settings is null");
        for (Route route : readTable()) {
            if (route.protocol() == settings.protocol()) {
                installed.put(route.destination(), route);
                adopted.add(route.destination());
            } else if (isAlien(route)) {
                aliens.put(route.destination(), route);
            }
        }
        LOG.info("kernel table {} in {}: adopted {} proto-{} routes from before the start, {} other routes",
                settings.table(), settings.namespace(), adopted.size(), settings.protocol(), aliens.size());
    }

    @Override
    public void apply(List<KernelChange> changes) {
        List<RouteChange> batch = new ArrayList<>();
        for (KernelChange change : changes) {
            switch (change) {
                case KernelChange.Install install -> {
                    KernelRoute route = install.route();
                    requireFamily(route.destination());
                    desired.put(route.destination(), route);
                    plan(route, batch);
                }
                case KernelChange.Remove remove -> {
                    desired.remove(remove.destination());
                    held.remove(remove.destination());
                    Route current = installed.get(remove.destination());
                    if (current != null) {
                        batch.add(RouteChange.delete(current));
                    }
                }
            }
        }
        run(batch);
    }

    @Override
    public void synced() {
        synced = true;
        List<RouteChange> batch = new ArrayList<>();
        for (IpPrefix stale : adopted) {
            if (!desired.containsKey(stale) && installed.containsKey(stale)) {
                batch.add(RouteChange.delete(installed.get(stale)));
            }
        }
        LOG.info("kernel table {} synced: removing {} stale proto-{} routes", settings.table(), batch.size(),
                settings.protocol());
        adopted.clear();
        run(batch);
    }

    @Override
    public List<KernelRoute> scan() {
        installed.clear();
        aliens.clear();
        for (Route route : readTable()) {
            if (route.protocol() == settings.protocol()) {
                installed.put(route.destination(), route);
            } else if (isAlien(route)) {
                aliens.put(route.destination(), route);
            }
        }
        adopted.retainAll(installed.keySet());
        List<RouteChange> batch = new ArrayList<>();
        held.clear();
        for (KernelRoute route : desired.values()) {
            plan(route, batch);
        }
        if (synced) {
            for (Route own : installed.values()) {
                if (!desired.containsKey(own.destination())) {
                    batch.add(RouteChange.delete(own));
                }
            }
        }
        run(batch);
        if (!settings.learn()) {
            return List.of();
        }
        List<KernelRoute> learned = new ArrayList<>();
        for (Route alien : aliens.values()) {
            toKernelRoute(alien).ifPresent(learned::add);
        }
        return learned;
    }

    @Override
    public void shutdown() {
        if (settings.persist()) {
            LOG.info("kernel table {}: persist: leaving {} routes in the kernel", settings.table(), installed.size());
            return;
        }
        run(installed.values().stream().map(RouteChange::delete).toList());
    }

    /** The destinations that should be in the kernel but are not (alien route in the way, or refused). */
    public Set<IpPrefix> heldBack() {
        return Set.copyOf(held);
    }

    private void plan(KernelRoute route, List<RouteChange> batch) {
        Route wanted = toRoute(route);
        Route alien = aliens.get(route.destination());
        if (alien != null && sameSlot(alien, wanted)) {
            if (held.add(route.destination())) {
                LOG.warn("not installing {}: the kernel has a route there from protocol {} ({}); Tabby leaves it alone",
                        route.destination(), alien.protocol(), alien);
            }
            return;
        }
        held.remove(route.destination());
        Route current = installed.get(route.destination());
        if (current == null || !sameForwarding(current, wanted)) {
            batch.add(RouteChange.replace(wanted));
        } else {
            adopted.remove(route.destination());
        }
    }

    private void run(List<RouteChange> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<RouteChange> failed = List.of();
        try {
            routes.apply(settings.namespace(), batch);
        } catch (BatchFailedException e) {
            failed = e.failedItems(batch);
            LOG.warn("kernel refused {} of {} route changes: {}", failed.size(), batch.size(), e.getMessage());
        } catch (CommandFailedException e) {
            failed = batch;
            LOG.warn("kernel route batch of {} changes failed: {}", batch.size(), e.getMessage());
        }
        Set<RouteChange> refused = new HashSet<>(failed);
        for (RouteChange change : batch) {
            IpPrefix destination = change.route().destination();
            boolean ok = !refused.contains(change);
            switch (change) {
                case RouteChange.Replace replace -> {
                    if (ok) {
                        installed.put(destination, replace.route());
                        adopted.remove(destination);
                    } else {
                        held.add(destination);
                    }
                }
                case RouteChange.Delete delete -> {
                    if (ok) {
                        installed.remove(destination);
                    }
                }
            }
        }
    }

    private Route toRoute(KernelRoute route) {
        RouteScope scope = route.type() == RouteType.UNICAST && route.gateway().isEmpty()
                ? RouteScope.LINK : RouteScope.UNIVERSE;
        return new Route(route.destination(), route.type(), settings.table(), settings.protocol(), scope,
                route.device(), route.gateway(), route.onlink(), 0);
    }

    private static java.util.Optional<KernelRoute> toKernelRoute(Route route) {
        return switch (route.type()) {
            case UNICAST, BLACKHOLE, UNREACHABLE, PROHIBIT -> java.util.Optional.of(new KernelRoute(route.destination(),
                    route.type(), route.gateway(), route.type() == RouteType.UNICAST ? route.device() : java.util.Optional.empty(),
                    route.onlink() && route.gateway().isPresent() && route.device().isPresent()));
            case LOCAL, BROADCAST, ANYCAST, MULTICAST, THROW -> java.util.Optional.empty();
        };
    }

    /**
     * Whether {@code replace} of {@code wanted} would overwrite {@code existing}: the kernel keys a
     * route by table, destination and metric, and stores IPv6 routes given without a metric at 1024.
     */
    private static boolean sameSlot(Route existing, Route wanted) {
        int metric = wanted.metric() == 0 && wanted.family() == IpFamily.V6 ? IPV6_DEFAULT_METRIC : wanted.metric();
        return existing.metric() == metric || (wanted.metric() == 0 && existing.metric() == 0);
    }

    /** Equal for the kernel's forwarding: the kernel fills in scope and metric as it likes. */
    private static boolean sameForwarding(Route a, Route b) {
        return a.type() == b.type() && a.gateway().equals(b.gateway()) && a.onlink() == b.onlink()
                && (b.device().isEmpty() || a.device().equals(b.device()));
    }

    /** Another owner's route, the kind BIRD's {@code learn} imports: not the kernel's own connected routes. */
    private boolean isAlien(Route route) {
        return route.protocol() != settings.protocol() && route.protocol() != RouteProtocols.KERNEL;
    }

    private List<Route> readTable() {
        return routes.list(settings.namespace(), RouteFilter.table(settings.family(), settings.table()));
    }

    private void requireFamily(IpPrefix destination) {
        if (destination.family() != settings.family()) {
            throw new IllegalArgumentException("route " + destination + " is not " + settings.family()
                    + ": this kernel protocol serves one family, as BIRD 1.6's does");
        }
    }
}
