package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.Dns;
import io.tabby.cni.result.IpConfig;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.wire.CniRequest;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.ipam.Ipam;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * What the {@code tabby-ipam} plugin gets from the agent, as {@code calico-ipam} behaves: ADD
 * assigns to the handle {@code <network>.<containerID>} (answering the addresses it already holds
 * when repeated) and returns only {@code ips}, as host prefixes without interfaces; DEL releases
 * the handle; CHECK verifies the handle holds {@code prevResult}'s addresses. No kernel work.
 */
final class IpamOnlyService {
    private static final Logger LOG = LogManager.getLogger(IpamOnlyService.class);

    private final Ipam ipam;
    private final AddressAssigner assigner;
    private final String node;

    IpamOnlyService(Ipam ipam, AddressAssigner assigner, String node) {
        this.ipam = requireNonNull(ipam, "ipam is null");
        this.assigner = requireNonNull(assigner, "assigner is null");
        this.node = requireNonNull(node, "node is null");
    }

    CniResult add(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        try {
            List<IpAddr> addresses = ipam.ipsByHandle(id.handle());
            if (addresses.isEmpty()) {
                addresses = assigner.assign(id, request.config().ipam(), request.env().args());
            }
            LOG.info("IPAM ADD {}: {}", id.handle(), addresses);
            return new CniResult(List.of(), addresses.stream()
                    .map(ip -> new IpConfig(Cidr.host(ip).toString(), Optional.empty(), OptionalInt.empty()))
                    .toList(), List.of(), Dns.EMPTY);
        } catch (RuntimeException e) {
            throw CniFailures.of("IPAM ADD " + id.handle(), e);
        }
    }

    void del(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        try {
            LOG.info("IPAM DEL {}: released {}", id.handle(), ipam.releaseByHandle(id.handle()));
        } catch (RuntimeException e) {
            throw CniFailures.of("IPAM DEL " + id.handle(), e);
        }
    }

    void check(CniRequest request) throws CniException {
        WorkloadIdentity id = identity(request);
        List<IpAddr> held;
        try {
            held = ipam.ipsByHandle(id.handle());
        } catch (RuntimeException e) {
            throw CniFailures.of("IPAM CHECK " + id.handle(), e);
        }
        List<String> missing = request.prevResult().orElseThrow().ips().stream().map(IpConfig::address)
                .filter(address -> !held.contains(Cidr.parse(address).network())).toList();
        if (!missing.isEmpty()) {
            throw new CniException(CniFailures.CHECK_MISMATCH, "IPAM CHECK " + id.handle()
                    + ": the handle does not hold " + String.join(", ", missing),
                    "it holds " + held + "; delete and re-create the pod");
        }
    }

    private WorkloadIdentity identity(CniRequest request) {
        return WorkloadIdentity.of(node, request.config().name(), request.env().containerId().orElseThrow(),
                request.env().ifname().orElseThrow(), request.env().args());
    }
}
