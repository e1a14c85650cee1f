package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.Attachment;
import io.tabby.cni.spec.PodRef;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.ipam.AllocatedAddress;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.HandleAllocations;
import io.tabby.ipam.Ipam;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * CNI GC (spec 1.1) for one network on this node: every IPAM handle {@code <network>.<containerID>}
 * whose container is not among the valid attachments is an attachment the runtime has forgotten.
 * For each, the workload endpoints using its addresses are deleted with their host veths (the
 * veth is also derived from the allocation's attributes, for an ADD that died before writing its
 * endpoint, unless a live endpoint uses that name), and the handle is released last, so an
 * address is never free while an interface still carries it. Only handles whose addresses were
 * all assigned for this node are touched: the handle ids are cluster-wide, and another node's
 * runtime vouches for its own pods.
 */
final class AttachmentGc {
    private static final Logger LOG = LogManager.getLogger(AttachmentGc.class);

    private final Ipam ipam;
    private final EndpointStore endpoints;
    private final WorkloadPlumbing plumbing;
    private final String node;

    AttachmentGc(Ipam ipam, EndpointStore endpoints, WorkloadPlumbing plumbing, String node) {
        this.ipam = requireNonNull(ipam, "ipam is null");
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
        this.plumbing = requireNonNull(plumbing, "plumbing is null");
        this.node = requireNonNull(node, "node is null");
    }

    /**
     * Collects every stale attachment of {@code network}; returns the handles released. With
     * {@code kernelToo} false (the {@code tabby-ipam} plugin, whose chain's main plugin owns the
     * interfaces) only the addresses are released.
     */
    List<String> collect(String network, List<Attachment> valid, boolean kernelToo) {
        String prefix = network + ".";
        Set<String> keep = new HashSet<>();
        valid.forEach(a -> keep.add(a.containerId()));
        List<HandleAllocations> stale = ipam.handles(prefix).stream()
                .filter(h -> !keep.contains(h.handleId().substring(prefix.length())))
                .filter(this::ownedByThisNode)
                .toList();
        if (stale.isEmpty()) {
            return List.of();
        }
        if (!kernelToo) {
            stale.forEach(h -> LOG.info("GC {}: released handle {} ({})", network, h.handleId(),
                    ipam.releaseByHandle(h.handleId())));
            return stale.stream().map(HandleAllocations::handleId).toList();
        }
        Map<WorkloadEndpointKey, WorkloadEndpoint> local = endpoints.onNode(node);
        List<IpAddr> staleAddresses = stale.stream().flatMap(h -> h.addresses().stream()).toList();
        // A k8s pod's veth is named after the pod, not the sandbox: a new sandbox of the same pod
        // (valid, another container id) has the very veth name an old stale handle derives.
        Set<String> liveVeths = new HashSet<>();
        local.values().stream().filter(e -> !uses(e, staleAddresses)).forEach(e -> liveVeths.add(e.name()));
        for (HandleAllocations handle : stale) {
            String containerId = handle.handleId().substring(prefix.length());
            Set<String> veths = new LinkedHashSet<>();
            veths.add(derivedVeth(network, containerId, handle));
            local.forEach((key, endpoint) -> {
                if (uses(endpoint, handle.addresses())) {
                    LOG.info("GC {}: deleting workload endpoint {} (container {} is not a valid attachment)",
                            network, key, containerId);
                    endpoints.delete(key);
                    veths.add(endpoint.name());
                }
            });
            veths.removeAll(liveVeths);
            veths.forEach(plumbing::unplumb);
            List<IpAddr> released = ipam.releaseByHandle(handle.handleId());
            LOG.info("GC {}: released handle {} ({}), removed veths {}", network, handle.handleId(), released, veths);
        }
        return stale.stream().map(HandleAllocations::handleId).toList();
    }

    private boolean ownedByThisNode(HandleAllocations handle) {
        return !handle.allocations().isEmpty() && handle.allocations().stream()
                .allMatch(a -> node.equals(a.attributes().get(AllocationAttributes.NODE)));
    }

    private static boolean uses(WorkloadEndpoint endpoint, List<IpAddr> addresses) {
        return Stream.of(endpoint.ipv4Nets(), endpoint.ipv6Nets())
                .filter(nets -> nets != null)
                .flatMap(List::stream)
                .anyMatch(net -> addresses.stream().anyMatch(net::contains));
    }

    /** The host veth ADD made for the container, from the pod named in the allocation's attributes. */
    private String derivedVeth(String network, String containerId, HandleAllocations handle) {
        Map<String, String> attributes = handle.allocations().stream().map(AllocatedAddress::attributes)
                .findFirst().orElse(Map.of());
        String namespace = attributes.get(AllocationAttributes.NAMESPACE);
        String pod = attributes.get(AllocationAttributes.POD);
        Optional<PodRef> podRef = namespace == null || pod == null || namespace.isEmpty() || pod.isEmpty()
                || pod.equals(containerId) ? Optional.empty() : Optional.of(new PodRef(namespace, pod));
        return new WorkloadIdentity(node, network, containerId, "unused", podRef).hostVeth();
    }

}
