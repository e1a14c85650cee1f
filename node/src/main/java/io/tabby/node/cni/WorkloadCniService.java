package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.IpConfig;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.PluginKind;
import io.tabby.cni.wire.CniRequest;
import io.tabby.cni.wire.CniService;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.ipam.Ipam;
import io.tabby.platform.net.NetNs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The CNI service of the node agent for the {@code tabby} plugin. ADD runs IPAM assign (IPv4,
 * IPv6 or both, from the configured pools), then the kernel plumbing, then the workload endpoint
 * write; when any step fails, every step is undone (release by handle, host veth deleted, key
 * deleted) before the error is answered. A repeated ADD of the same container and interface
 * returns the existing attachment and allocates nothing (and re-plumbs the same addresses when the
 * kernel side is gone). DEL undoes the steps and succeeds when they are already undone. GC runs
 * alone (ADD, DEL and CHECK wait for it), so it never takes an attachment being added for stale.
 * Requests from the {@code tabby-ipam} plugin (a chain whose main plugin does its own plumbing)
 * only assign, release and check addresses ({@link IpamOnlyService}).
 */
public final class WorkloadCniService implements CniService {
    public static final String NAMESPACE_LABEL = WorkloadEndpoints.NAMESPACE_LABEL;
    public static final String ORCHESTRATOR_LABEL = WorkloadEndpoints.ORCHESTRATOR_LABEL;
    private static final Logger LOG = LogManager.getLogger(WorkloadCniService.class);

    private final Backend backend;
    private final Ipam ipam;
    private final WorkloadPlumbing plumbing;
    private final EndpointStore endpoints;
    private final NamespaceProfileOnFirstUse profiles;
    private final AddressAssigner assigner;
    private final IpamOnlyService ipamOnly;
    private final AttachmentGc gc;
    private final String node;
    private final Clock clock;
    private final ReadWriteLock gcExclusion = new ReentrantReadWriteLock();

    /**
     * @param node this node's name (the agent's {@code NODENAME}); addresses and endpoint keys are
     *     this node's whatever the network config's {@code nodename} says
     */
    public WorkloadCniService(Backend backend, Ipam ipam, WorkloadPlumbing plumbing, String node) {
        this(backend, ipam, plumbing, node, Clock.systemUTC());
    }

    /** @param clock stamps each allocation's {@code timestamp} attribute */
    public WorkloadCniService(Backend backend, Ipam ipam, WorkloadPlumbing plumbing, String node, Clock clock) {
        this.backend = requireNonNull(backend, "backend is null");
        this.ipam = requireNonNull(ipam, "ipam is null");
        this.plumbing = requireNonNull(plumbing, "plumbing is null");
        this.node = requireNonNull(node, "node is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.endpoints = new EndpointStore(backend);
        this.profiles = new NamespaceProfileOnFirstUse(new ResourceClient(backend));
        this.assigner = new AddressAssigner(ipam, node, clock);
        this.gc = new AttachmentGc(ipam, endpoints, plumbing, node);
        this.ipamOnly = new IpamOnlyService(ipam, assigner, node);
    }

    @Override
    public CniResult add(CniRequest request) throws CniException {
        if (request.plugin() == PluginKind.TABBY_IPAM) {
            return shared(() -> ipamOnly.add(request));
        }
        return shared(() -> addAttachment(request));
    }

    private CniResult addAttachment(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        String netnsPath = request.env().netns().orElseThrow();
        int mtu = request.config().mtu() == 0 ? WorkloadPlumbing.DEFAULT_MTU : request.config().mtu();
        String hostVeth = id.hostVeth();
        LOG.info("ADD {} (handle {}, veth {}, netns {})", id.endpointKey(), id.handle(), hostVeth, netnsPath);
        boolean assigned = false;
        boolean plumbed = false;
        AddTimings timings = new AddTimings();
        try {
            List<IpAddr> held = ipam.ipsByHandle(id.handle());
            timings.step("handle lookup");
            if (!held.isEmpty()) {
                Optional<CniResult> existing = existingAttachment(id, netnsPath, mtu, held);
                if (existing.isPresent()) {
                    LOG.info("ADD {}: already attached with {}; answering the existing result", id.endpointKey(),
                            held);
                    return existing.get();
                }
                LOG.info("ADD {}: handle {} already holds {}; plumbing those again", id.endpointKey(), id.handle(),
                        held);
            }
            assigned = true;
            List<IpAddr> addresses = held.isEmpty()
                    ? assigner.assign(id, request.config().ipam(), request.env().args()) : held;
            timings.step("ipam");
            plumbed = true;
            String podMac = plumbing.plumb(hostVeth, NetNs.path(netnsPath), id.ifname(), addresses, mtu);
            timings.step("kernel");
            profiles.ensure(id.namespace());
            endpoints.put(id.endpointKey(), WorkloadEndpoints.of(id, request.config().labels(), hostVeth, podMac,
                    addresses));
            timings.step("endpoint");
            LOG.debug("ADD {} took {}", id.endpointKey(), timings);
            return CniResults.of(hostVeth, id.ifname(), podMac, netnsPath, mtu, addresses);
        } catch (CniException e) {
            rollBack(id, hostVeth, assigned, plumbed);
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("ADD {} failed; rolling back: {}", id.endpointKey(), e.toString());
            LOG.debug("ADD failure", e);
            // With etcd unreachable each undo would wait out its own timeout too; the runtime's DEL
            // after a failed ADD (or ipam GC) releases the handle once etcd is back.
            rollBack(id, hostVeth, assigned && !(e instanceof UnavailableException), plumbed);
            throw CniFailures.of("ADD " + id.workload(), e);
        }
    }

    /**
     * The result of the attachment when it is complete (its endpoint carries exactly the handle's
     * addresses and the kernel side verifies), as Calico answers a repeated ADD from the existing
     * endpoint; empty when something is missing and must be plumbed again.
     */
    private Optional<CniResult> existingAttachment(WorkloadIdentity id, String netnsPath, int mtu,
                                                   List<IpAddr> held) {
        Optional<WorkloadEndpoint> endpoint = endpoints.get(id.endpointKey());
        boolean complete = endpoint.isPresent() && endpoint.get().mac() != null
                && new HashSet<>(WorkloadEndpoints.addresses(endpoint.get())).equals(new HashSet<>(held))
                && plumbing.verify(id.hostVeth(), NetNs.path(netnsPath), id.ifname(), held).isEmpty();
        return complete
                ? Optional.of(CniResults.of(id.hostVeth(), id.ifname(), endpoint.get().mac(), netnsPath, mtu, held))
                : Optional.empty();
    }

    @Override
    public void del(CniRequest request) throws CniException {
        shared(() -> {
            if (request.plugin() == PluginKind.TABBY_IPAM) {
                ipamOnly.del(request);
            } else {
                delAttachment(request);
            }
            return null;
        });
    }

    private void delAttachment(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        String hostVeth = id.hostVeth();
        LOG.info("DEL {} (handle {}, veth {})", id.endpointKey(), id.handle(), hostVeth);
        boolean ours;
        AddTimings timings = new AddTimings();
        try {
            List<IpAddr> held = ipam.ipsByHandle(id.handle());
            timings.step("handle lookup");
            Optional<WorkloadEndpoint> endpoint = endpoints.get(id.endpointKey());
            ours = endpoint.isEmpty() || endpointIsOurs(id, endpoint.get(), held);
            ipam.releaseByHandle(id.handle());
            if (ours) {
                endpoints.delete(id.endpointKey());
            } else {
                LOG.info("DEL {}: the endpoint and veth {} now belong to another sandbox of the pod; left alone",
                        id.endpointKey(), hostVeth);
            }
        } catch (RuntimeException e) {
            removeVeth(hostVeth);
            throw CniFailures.of("DEL " + id.workload(), e);
        }
        try {
            if (ours) {
                plumbing.unplumb(hostVeth);
            }
        } catch (RuntimeException e) {
            throw CniFailures.of("DEL " + id.workload(), e);
        }
    }

    /**
     * Whether the endpoint (and the veth named like it) is this container's: a k8s pod's endpoint key
     * and veth name do not change with the sandbox, so a late DEL of an old sandbox must not take
     * them from the new one. Ours when it uses the handle's addresses, or, once the handle is gone
     * (a repeated DEL), when no other handle holds its addresses.
     */
    private boolean endpointIsOurs(WorkloadIdentity id, WorkloadEndpoint endpoint, List<IpAddr> held) {
        List<IpAddr> used = WorkloadEndpoints.addresses(endpoint);
        if (!held.isEmpty()) {
            return used.stream().anyMatch(held::contains) || used.isEmpty();
        }
        return used.stream().allMatch(ip -> ipam.handleOf(ip).map(id.handle()::equals).orElse(true));
    }

    @Override
    public void check(CniRequest request) throws CniException {
        shared(() -> {
            if (request.plugin() == PluginKind.TABBY_IPAM) {
                ipamOnly.check(request);
            } else {
                checkAttachment(request);
            }
            return null;
        });
    }

    private void checkAttachment(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        CniResult prev = request.prevResult().orElseThrow();
        List<IpAddr> expected = prev.ips().stream().map(IpConfig::address).map(Cidr::parse).map(Cidr::network)
                .toList();
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(plumbing.verify(id.hostVeth(), NetNs.path(request.env().netns().orElseThrow()),
                    id.ifname(), expected));
            List<IpAddr> held = ipam.ipsByHandle(id.handle());
            expected.stream().filter(ip -> !held.contains(ip))
                    .forEach(ip -> problems.add("IPAM handle " + id.handle() + " does not hold " + ip));
            if (endpoints.get(id.endpointKey()).isEmpty()) {
                problems.add("workload endpoint " + id.endpointKey() + " is missing in etcd");
            }
        } catch (RuntimeException e) {
            throw CniFailures.of("CHECK " + id.workload(), e);
        }
        if (!problems.isEmpty()) {
            throw new CniException(CniFailures.CHECK_MISMATCH, "CHECK " + id.workload()
                    + ": the attachment differs from the ADD result", String.join("; ", problems)
                    + "; delete and re-create the pod");
        }
    }

    @Override
    public void gc(CniRequest request) throws CniException {
        gcExclusion.writeLock().lock();
        try {
            List<String> released = gc.collect(request.config().name(), request.config().validAttachments(),
                    request.plugin() == PluginKind.TABBY);
            LOG.info("GC {}: {} stale attachments cleaned up, {} valid", request.config().name(), released.size(),
                    request.config().validAttachments().size());
        } catch (RuntimeException e) {
            throw CniFailures.of("GC " + request.config().name(), e);
        } finally {
            gcExclusion.writeLock().unlock();
        }
    }

    @Override
    public void status(CniRequest request) throws CniException {
        try {
            backend.currentRevision();
        } catch (DatastoreException e) {
            throw new CniException(CniError.PLUGIN_NOT_AVAILABLE, "tabby-node cannot reach etcd",
                    e.getMessage() + "; ADD will fail until etcd is reachable");
        }
    }

    /** Runs an attachment operation; many may run at once, but never beside a GC. */
    private <T> T shared(CniWork<T> work) throws CniException {
        gcExclusion.readLock().lock();
        try {
            return work.run();
        } finally {
            gcExclusion.readLock().unlock();
        }
    }

    /** One attachment operation. */
    @FunctionalInterface
    private interface CniWork<T> {
        T run() throws CniException;
    }

    private WorkloadIdentity identity(CniRequest request) {
        return WorkloadIdentity.of(node, request.config().name(), request.env().containerId().orElseThrow(),
                request.env().ifname().orElseThrow(), request.env().args());
    }

    /** Undoes an ADD; each step on its own, so one failing step does not keep the others from running. */
    private void rollBack(WorkloadIdentity id, String hostVeth, boolean assigned, boolean plumbed) {
        if (plumbed) {
            removeVeth(hostVeth);
        }
        if (assigned) {
            try {
                endpoints.delete(id.endpointKey());
                ipam.releaseByHandle(id.handle());
            } catch (RuntimeException e) {
                LOG.warn("rollback of {} could not release handle {} (a DEL or ipam GC will): {}",
                        id.endpointKey(), id.handle(), e.toString());
            }
        }
    }

    private void removeVeth(String hostVeth) {
        try {
            plumbing.unplumb(hostVeth);
        } catch (RuntimeException e) {
            LOG.warn("could not delete host veth {}: {}", hostVeth, e.toString());
        }
    }
}
