package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.result.CniInterface;
import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.Dns;
import io.tabby.cni.result.IpConfig;
import io.tabby.cni.result.Route;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.IpamConfig;
import io.tabby.cni.spec.Label;
import io.tabby.cni.spec.PodRef;
import io.tabby.cni.wire.CniRequest;
import io.tabby.cni.wire.CniService;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.Ipam;
import io.tabby.platform.net.NetNs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The CNI service of the node agent for the {@code tabby} plugin (IPv4 for now). ADD runs
 * IPAM assign, then the kernel plumbing, then the workload endpoint write; when any step fails,
 * every step is undone (release by handle, host veth deleted, key deleted) before the error is
 * answered. DEL undoes the same steps and succeeds when they are already undone.
 */
public final class WorkloadCniService implements CniService {
    public static final String NAMESPACE_LABEL = "projectcalico.org/namespace";
    public static final String ORCHESTRATOR_LABEL = "projectcalico.org/orchestrator";
    private static final Logger LOG = LogManager.getLogger(WorkloadCniService.class);

    private final Backend backend;
    private final Ipam ipam;
    private final WorkloadPlumbing plumbing;
    private final EndpointStore endpoints;
    private final String node;

    /**
     * @param node this node's name (the agent's {@code NODENAME}); addresses and endpoint keys are
     *     this node's whatever the network config's {@code nodename} says
     */
    public WorkloadCniService(Backend backend, Ipam ipam, WorkloadPlumbing plumbing, String node) {
        this.backend = requireNonNull(backend, "backend is null");
        this.ipam = requireNonNull(ipam, "ipam is null");
        this.plumbing = requireNonNull(plumbing, "plumbing is null");
        this.node = requireNonNull(node, "node is null");
        this.endpoints = new EndpointStore(backend);
    }

    @Override
    public CniResult add(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        List<Cidr> pools = ipv4Pools(request.config().ipam());
        String netnsPath = request.env().netns().orElseThrow();
        int mtu = request.config().mtu() == 0 ? WorkloadPlumbing.DEFAULT_MTU : request.config().mtu();
        String hostVeth = id.hostVeth();
        LOG.info("ADD {} (handle {}, veth {}, netns {})", id.endpointKey(), id.handle(), hostVeth, netnsPath);
        boolean assigned = false;
        boolean plumbed = false;
        try {
            assigned = true;
            List<IpAddr> addresses = ipam.autoAssign(new AssignRequest(1, 0, id.handle(), attributes(id), node,
                    pools, List.of())).ipv4();
            if (addresses.isEmpty()) {
                throw new CniException(CniFailures.NO_ADDRESS, "no IPv4 address was assigned for " + id.handle(),
                        "check that an enabled IPv4 pool matches this node");
            }
            plumbed = true;
            String podMac = plumbing.plumb(hostVeth, NetNs.path(netnsPath), id.ifname(), addresses, mtu);
            endpoints.put(id.endpointKey(), endpoint(id, request, hostVeth, podMac, addresses));
            return result(hostVeth, id.ifname(), podMac, netnsPath, mtu, addresses);
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

    @Override
    public void del(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        String hostVeth = id.hostVeth();
        LOG.info("DEL {} (handle {}, veth {})", id.endpointKey(), id.handle(), hostVeth);
        try {
            ipam.releaseByHandle(id.handle());
            endpoints.delete(id.endpointKey());
        } catch (RuntimeException e) {
            removeVeth(hostVeth);
            throw CniFailures.of("DEL " + id.workload(), e);
        }
        try {
            plumbing.unplumb(hostVeth);
        } catch (RuntimeException e) {
            throw CniFailures.of("DEL " + id.workload(), e);
        }
    }

    @Override
    public void check(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        CniResult prev = request.prevResult().orElseThrow();
        List<String> expected = prev.ips().stream().filter(ip -> ip.version() == 4).map(IpConfig::address).toList();
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(plumbing.verify(id.hostVeth(), NetNs.path(request.env().netns().orElseThrow()),
                    id.ifname(), expected));
            List<String> held = ipam.ipsByHandle(id.handle()).stream().map(ip -> ip + "/32").toList();
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
        throw new CniException(CniError.INTERNAL, "GC is not implemented by this tabby-node yet",
                "leaked addresses can be released with tabbyctl ipam check --fix");
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

    private WorkloadIdentity identity(CniRequest request) {
        return WorkloadIdentity.of(node, request.config().name(), request.env().containerId().orElseThrow(),
                request.env().ifname().orElseThrow(), request.env().args());
    }

    private static List<Cidr> ipv4Pools(IpamConfig ipam) throws CniException {
        if (ipam.assignIpv6() || !ipam.assignIpv4()) {
            throw new CniException(CniError.UNSUPPORTED_FIELD, "ipam.assign_ipv6 is not supported yet",
                    "tabby-node assigns IPv4 only for now; set assign_ipv4 true and assign_ipv6 false");
        }
        List<Cidr> pools = new ArrayList<>();
        for (String pool : ipam.ipv4Pools()) {
            try {
                pools.add(Cidr.parse(pool));
            } catch (IllegalArgumentException e) {
                throw CniException.invalidConfig("ipam.ipv4_pools: '" + pool + "' is not an IPv4 CIDR",
                        "give pools as CIDRs such as 10.65.0.0/16 (pool names are not supported yet)");
            }
        }
        return pools;
    }

    private static Map<String, String> attributes(WorkloadIdentity id) {
        return AllocationAttributes.workload(id.namespace(), id.pod().map(PodRef::name).orElse(id.containerId()),
                id.node(), id.containerId());
    }

    private static WorkloadEndpoint endpoint(WorkloadIdentity id, CniRequest request, String hostVeth, String mac,
                                             List<IpAddr> addresses) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Label label : request.config().labels()) {
            labels.put(label.key(), label.value());
        }
        labels.put(NAMESPACE_LABEL, id.namespace());
        labels.put(ORCHESTRATOR_LABEL, id.orchestrator());
        return WorkloadEndpoint.active(hostVeth, mac, List.of("kns." + id.namespace()),
                addresses.stream().map(Cidr::host).toList(), List.of(), labels);
    }

    private static CniResult result(String hostVeth, String ifname, String podMac, String netns, int mtu,
                                    List<IpAddr> addresses) {
        List<CniInterface> interfaces = List.of(
                new CniInterface(hostVeth, Optional.of(WorkloadPlumbing.HOST_MAC), Optional.empty(), 0),
                new CniInterface(ifname, Optional.of(podMac), Optional.of(netns), mtu));
        List<IpConfig> ips = addresses.stream()
                .map(ip -> new IpConfig(ip + "/32", Optional.empty(), OptionalInt.of(1))).toList();
        return new CniResult(interfaces, ips, List.of(new Route("0.0.0.0/0", Optional.empty())), Dns.EMPTY);
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
