package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.api.DataplaneMessage.ActivePolicyRemove;
import io.tabby.felix.api.DataplaneMessage.ActivePolicyUpdate;
import io.tabby.felix.api.DataplaneMessage.ActiveProfileRemove;
import io.tabby.felix.api.DataplaneMessage.ActiveProfileUpdate;
import io.tabby.felix.api.DataplaneMessage.HostEndpointRemove;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.DataplaneMessage.InSync;
import io.tabby.felix.api.DataplaneMessage.IpipTunnelRemove;
import io.tabby.felix.api.DataplaneMessage.IpipTunnelUpdate;
import io.tabby.felix.api.DataplaneMessage.IpPoolRemove;
import io.tabby.felix.api.DataplaneMessage.IpPoolUpdate;
import io.tabby.felix.api.DataplaneMessage.IpSetRemove;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointRemove;
import io.tabby.felix.api.DataplaneMessage.RouteRemove;
import io.tabby.felix.api.DataplaneMessage.RouteUpdate;
import io.tabby.felix.api.DataplaneMessage.VtepRemove;
import io.tabby.felix.api.DataplaneMessage.VtepUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.rules.Encapsulation;
import io.tabby.felix.rules.NatRenderer;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.platform.firewall.IptablesTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * felix's dataplane: takes {@link DataplaneMessage}s (cheap, no I/O) and, on {@link #apply()},
 * brings the kernel to match them, in Calico's order: ip set additions; workload routes,
 * interface settings and static ARP entries; VXLAN device and VTEPs; the IPIP device; block routes
 * (through the tunnels, direct, blackholes); the filter and nat tables; ip
 * set deletions. Nothing touches the kernel
 * before {@link InSync}. A failing step is logged, keeps its work pending and does not stop the
 * others; {@link #apply()} then reports that it must run again. One thread owns an instance.
 *
 * <p>Each step is handed what changed since the last pass (the ip sets, chains and endpoints the
 * messages named), not the whole state, and between read-backs trusts what it wrote: a change to
 * one endpoint costs that endpoint's writes whatever the number of endpoints. The first pass and
 * each resync ({@link #markResync()}) read everything back and compare it all.
 */
public final class Dataplane {
    private static final Logger LOG = LogManager.getLogger(Dataplane.class);
    /**
     * From how many changed ip sets their restore runs on its own thread while the filter tables
     * are rendered and hashed (a first programming: hundreds of milliseconds of each); below, a
     * thread is not worth starting.
     */
    private static final int OVERLAP_MIN_SET_CHANGES = 100;

    private final FilterTables filterTables;
    private final LinkSnapshot links;
    private final NatRenderer natRenderer = new NatRenderer();
    private final IpsetManager ipsets;
    private final WorkloadWiringPasses wiring;
    private final IptablesTableManager filter;
    private final IptablesTableManager filter6;
    private final IptablesTableManager nat;
    private final VxlanManager vxlan;
    private final IpipManager ipip;
    private final BlockRouteManager blockRoutes;

    /** Ip sets changed since the last apply: id to the new version, null when removed. */
    private final Map<String, IpSetUpdate> ipSetChanges = new HashMap<>();
    private final Map<Cidr, IpPool> pools = new HashMap<>();
    private final Map<String, Policy> policies = new HashMap<>();
    private final Map<String, ProfileRules> profiles = new HashMap<>();
    private final Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints = new HashMap<>();
    private final Map<HostEndpointKey, HostEndpointUpdate> hostEndpoints = new HashMap<>();
    private final Map<String, VtepUpdate> vteps = new HashMap<>();
    private final Map<Cidr, RouteUpdate> remoteRoutes = new HashMap<>();
    private Optional<IpipTunnelUpdate> ipipTunnel = Optional.empty();
    private boolean inSync;
    /** Failed steps so far; written and read on the dataplane thread, read for metrics elsewhere. */
    private volatile long failures;
    private boolean dirty = true;
    /** Messages arrived since the last apply (an apply without any is a retry). */
    private boolean messagesSinceApply;
    /** VTEPs changed, a resync is due, or the last VXLAN pass left work. */
    private boolean vxlanDirty = true;
    /** Block routes or the IPIP tunnel changed, a resync is due, or the last pass left work. */
    private boolean routesDirty = true;

    /**
     * @param kernel the kernel to program
     * @param rules rule rendering settings
     * @param interfacePrefix workload interface prefix ({@code cali})
     * @param nodeName this node, to tell its own VXLAN tunnel endpoint from remote ones
     */
    public Dataplane(KernelOps kernel, RulesConfig rules, String interfacePrefix, String nodeName) {
        requireNonNull(kernel, "kernel is null");
        requireNonNull(rules, "rules is null");
        this.filterTables = new FilterTables(rules);
        this.links = new LinkSnapshot(kernel.links());
        this.ipsets = new IpsetManager(kernel.ipsets(), kernel.ns());
        this.wiring = new WorkloadWiringPasses(kernel, links, interfacePrefix);
        this.filter = new IptablesTableManager(kernel.iptables(), kernel.ns(), IptablesTable.FILTER,
                io.tabby.platform.net.IpFamily.V4);
        this.filter6 = new IptablesTableManager(kernel.iptables(), kernel.ns(), IptablesTable.FILTER,
                io.tabby.platform.net.IpFamily.V6);
        this.nat = new IptablesTableManager(kernel.iptables(), kernel.ns(), IptablesTable.NAT,
                io.tabby.platform.net.IpFamily.V4);
        this.vxlan = new VxlanManager(kernel, nodeName);
        this.ipip = new IpipManager(kernel);
        this.blockRoutes = new BlockRouteManager(kernel);
    }

    /** Records a message; never touches the kernel. */
    public void onMessage(DataplaneMessage message) {
        dirty = true;
        messagesSinceApply = true;
        switch (message) {
            case InSync _ -> inSync = true;
            case IpSetUpdate m -> ipSetChanges.put(m.id(), m);
            case IpSetRemove m -> ipSetChanges.put(m.id(), null);
            case IpPoolUpdate m -> pools.put(m.pool().cidr(), m.pool());
            case IpPoolRemove m -> pools.remove(m.cidr());
            case ActivePolicyUpdate m -> {
                policies.put(m.name(), m.policy());
                filterTables.policyChanged(m.name());
            }
            case ActivePolicyRemove m -> {
                policies.remove(m.name());
                filterTables.policyChanged(m.name());
            }
            case ActiveProfileUpdate m -> {
                profiles.put(m.name(), m.rules());
                filterTables.profileChanged(m.name());
            }
            case ActiveProfileRemove m -> {
                profiles.remove(m.name());
                filterTables.profileChanged(m.name());
            }
            case WorkloadEndpointUpdate m -> {
                filterTables.endpointChanged(m.id());
                wiring.endpointChanged(m.id(), endpoints.put(m.id(), m), m);
            }
            case WorkloadEndpointRemove m -> {
                filterTables.endpointChanged(m.id());
                WorkloadEndpointUpdate before = endpoints.remove(m.id());
                if (before != null) {
                    wiring.endpointChanged(m.id(), before, null);
                }
            }
            case HostEndpointUpdate m -> {
                hostEndpoints.put(m.id(), m);
                filterTables.hostsChanged();
            }
            case HostEndpointRemove m -> {
                hostEndpoints.remove(m.id());
                filterTables.hostsChanged();
            }
            case VtepUpdate m -> vxlanDirty |= !m.equals(vteps.put(m.node(), m));
            case VtepRemove m -> vxlanDirty |= vteps.remove(m.node()) != null;
            case IpipTunnelUpdate m -> {
                routesDirty |= !ipipTunnel.equals(Optional.of(m));
                ipipTunnel = Optional.of(m);
            }
            case IpipTunnelRemove _ -> {
                routesDirty |= ipipTunnel.isPresent();
                ipipTunnel = Optional.empty();
            }
            case RouteUpdate m -> routesDirty |= !m.equals(remoteRoutes.put(m.destination(), m));
            case RouteRemove m -> routesDirty |= remoteRoutes.remove(m.destination()) != null;
        }
    }

    public boolean inSync() {
        return inSync;
    }

    /** Whether the next {@link #apply()} has anything to do (in sync, and something changed or is pending). */
    public boolean hasWork() {
        return inSync && dirty;
    }

    /** Steps of apply passes that failed so far (each is retried). */
    public long failures() {
        return failures;
    }

    /** Reads everything back from the kernel on the next apply, so drift is repaired. */
    public void markResync() {
        ipsets.markResync();
        filter.markResync();
        filter6.markResync();
        nat.markResync();
        wiring.markResync();
        vxlanDirty = true;
        routesDirty = true;
        dirty = true;
    }

    /**
     * Programs what changed; a no-op before in-sync or when nothing changed.
     *
     * @return true when something is left to do (a failure, or an interface not there yet)
     */
    public boolean apply() {
        if (!inSync || !dirty) {
            return false;
        }
        dirty = false;
        links.forget();
        ipsets.update(ipSetChanges);
        boolean overlap = ipSetChanges.size() >= OVERLAP_MIN_SET_CHANGES && !Thread.currentThread().isInterrupted();
        ipSetChanges.clear();
        // The ip set restore never reads the filter or nat tables, and the rendering below never
        // touches the kernel, so the two can run at once; the sets are complete before iptables is written.
        OverlappedStep ipsetWrite = overlap ? OverlappedStep.start("felix-ipset-restore", ipsets::applyUpdates) : null;
        try {
            filterTables.update(endpoints, hostEndpoints, policies, profiles,
                    new Encapsulation(!vteps.isEmpty(), ipipTunnel.isPresent()), filter, filter6);
            nat.setDesired(natRenderer.render(pools.values(),
                    ipipTunnel.flatMap(IpipTunnelUpdate::address).isPresent()));
        } catch (RuntimeException | Error e) {
            if (ipsetWrite != null) {
                try {
                    ipsetWrite.join();
                } catch (RuntimeException ignored) {
                    // the rendering failure is the one the caller hears about; the ip sets are read back next time
                }
            }
            throw e;
        }
        boolean again = overlap ? joined("ip set updates", ipsetWrite)
                : leftOver("ip set updates", done(ipsets::applyUpdates));
        boolean retry = !messagesSinceApply;
        messagesSinceApply = false;
        again |= leftOver("workload wiring", () -> wiring.apply(endpoints, retry));
        if (vxlanDirty) {
            vxlan.setDesired(vteps);
            vxlanDirty = leftOver("vxlan", vxlan::apply);
            again |= vxlanDirty;
        }
        if (routesDirty) {
            ipip.setDesired(ipipTunnel);
            blockRoutes.setDesired(remoteRoutes);
            boolean waiting = leftOver("ipip tunnel", ipip::apply);
            waiting |= leftOver("block routes", blockRoutes::apply);
            routesDirty = waiting;
            again |= waiting;
        }
        // Read nat before filter is written: an nft save costs as much as the whole ruleset.
        again |= leftOver("nat table", done(nat::prepare));
        again |= leftOver("filter table", done(filter::apply));
        again |= leftOver("ip6 filter table", done(filter6::apply));
        again |= leftOver("nat table", done(nat::apply));
        again |= leftOver("ip set removals", done(ipsets::applyRemovals));
        dirty = again;
        return again;
    }

    /**
     * Runs one step; true when it left work to do: it failed (logged, retried later), or it waits
     * for an interface to appear.
     */
    private boolean leftOver(String what, BooleanSupplier work) {
        if (Thread.currentThread().isInterrupted()) {
            return true; // shutting down: leave the rest for the next felix
        }
        try {
            boolean waiting = work.getAsBoolean();
            if (waiting) {
                LOG.debug("{}: waiting for an interface to appear", what);
            }
            return waiting;
        } catch (RuntimeException e) {
            failures++;
            LOG.warn("{} failed, will retry: {}", what, e.getMessage());
            return true;
        }
    }

    /** {@link #leftOver} for a step already running: always waited for, even when shutting down. */
    private boolean joined(String what, OverlappedStep step) {
        try {
            step.join();
            return false;
        } catch (RuntimeException e) {
            failures++;
            LOG.warn("{} failed, will retry: {}", what, e.getMessage());
            return true;
        }
    }

    private static BooleanSupplier done(Runnable work) {
        return () -> {
            work.run();
            return false;
        };
    }
}
