package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpNat;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.resource.HostEndpointResource;
import io.tabby.datastore.resource.HostEndpointSpec;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.resource.WorkloadEndpointNames;
import io.tabby.datastore.resource.WorkloadEndpointResource;
import io.tabby.datastore.resource.WorkloadEndpointSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * HostEndpoint to {@code /calico/v1/host/<node>/endpoint/<name>} and WorkloadEndpoint to
 * {@code /calico/v1/host/<node>/workload/<orchestrator>/<workload>/endpoint/<endpoint>} (workload
 * {@code <namespace>.<pod>} for orchestrator {@code k8s}, as Tabby's CNI service writes it), and
 * back. Labels are the endpoint's {@code labels}; the state, instance id and unknown fields of a
 * stored endpoint are kept. A workload endpoint's namespace is in its workload id (k8s) or its
 * {@code projectcalico.org/namespace} label; its container id is not stored.
 */
final class EndpointMapping {
    static final String NAMESPACE_LABEL = "projectcalico.org/namespace";

    private EndpointMapping() {
    }

    static Entry<HostEndpoint> toEntry(HostEndpointResource resource, StoredEntries current) {
        HostEndpointSpec spec = resource.spec();
        HostEndpointKey key = new HostEndpointKey(spec.node(), resource.name());
        List<IpAddr> ips = spec.expectedIPs().stream().map(IpAddr::parse).toList();
        return Entry.of(key, new HostEndpoint(spec.interfaceName(), family(ips, IpFamily.V4), family(ips, IpFamily.V6),
                resource.metadata().labels(), spec.profiles(),
                current.get(key).map(HostEndpoint::unknown).orElse(UnknownFields.NONE)));
    }

    static Optional<HostEndpointResource> fromHostEntry(Entry<?> entry) {
        if (!(entry.key() instanceof HostEndpointKey key) || !(entry.value() instanceof HostEndpoint endpoint)) {
            return Optional.empty();
        }
        List<String> ips = Stream.concat(endpoint.expectedIpv4Addrs().stream(), endpoint.expectedIpv6Addrs().stream())
                .map(IpAddr::toString).toList();
        return Optional.of(new HostEndpointResource(new ResourceMetadata(key.endpoint(), endpoint.labels(), Map.of(), ""),
                new HostEndpointSpec(key.node(), endpoint.name(), ips, endpoint.profileIds())));
    }

    static WorkloadEndpointKey key(WorkloadEndpointResource resource) {
        WorkloadEndpointSpec spec = resource.spec();
        String workload = spec.orchestrator().equals(WorkloadEndpointSpec.K8S)
                ? resource.namespace() + "." + spec.pod() : spec.workload();
        return new WorkloadEndpointKey(spec.node(), spec.orchestrator(), workload, spec.endpoint());
    }

    static Entry<WorkloadEndpoint> toEntry(WorkloadEndpointResource resource, StoredEntries current) {
        WorkloadEndpointSpec spec = resource.spec();
        WorkloadEndpointKey key = key(resource);
        Optional<WorkloadEndpoint> stored = current.get(key);
        List<Cidr> nets = spec.ipNetworks().stream().map(Cidr::parse).toList();
        List<IpNat> nats = spec.ipNATs().stream()
                .map(nat -> new IpNat(IpAddr.parse(nat.internalIP()), IpAddr.parse(nat.externalIP()))).toList();
        WorkloadEndpoint endpoint = new WorkloadEndpoint(
                stored.map(WorkloadEndpoint::state).orElse(WorkloadEndpoint.ACTIVE), spec.interfaceName(),
                stored.map(WorkloadEndpoint::activeInstanceId).orElse(""),
                spec.mac().isEmpty() ? null : spec.mac().toLowerCase(Locale.ROOT).replace('-', ':'),
                spec.profiles(),
                nets.stream().filter(n -> n.family() == IpFamily.V4).toList(),
                nets.stream().filter(n -> n.family() == IpFamily.V6).toList(),
                nats.stream().filter(n -> n.internalIp().family() == IpFamily.V4).toList(),
                nats.stream().filter(n -> n.internalIp().family() == IpFamily.V6).toList(),
                resource.metadata().labels(),
                spec.ipv4Gateway().isEmpty() ? null : IpAddr.parse(spec.ipv4Gateway()),
                spec.ipv6Gateway().isEmpty() ? null : IpAddr.parse(spec.ipv6Gateway()),
                stored.map(WorkloadEndpoint::unknown).orElse(UnknownFields.NONE));
        return Entry.of(key, endpoint);
    }

    static Optional<WorkloadEndpointResource> fromWorkloadEntry(Entry<?> entry) {
        if (!(entry.key() instanceof WorkloadEndpointKey key) || !(entry.value() instanceof WorkloadEndpoint endpoint)) {
            return Optional.empty();
        }
        boolean k8s = key.orchestrator().equals(WorkloadEndpointSpec.K8S);
        int dot = key.workload().indexOf('.');
        String namespace;
        String pod = "";
        String workload = "";
        if (k8s && dot > 0) {
            namespace = key.workload().substring(0, dot);
            pod = key.workload().substring(dot + 1);
        } else {
            namespace = endpoint.labels().getOrDefault(NAMESPACE_LABEL, "default");
            workload = key.workload();
        }
        List<String> networks = new ArrayList<>();
        Optional.ofNullable(endpoint.ipv4Nets()).ifPresent(nets -> nets.forEach(n -> networks.add(n.toString())));
        Optional.ofNullable(endpoint.ipv6Nets()).ifPresent(nets -> nets.forEach(n -> networks.add(n.toString())));
        List<WorkloadEndpointSpec.IpNat> nats = Stream.concat(endpoint.ipv4Nat().stream(), endpoint.ipv6Nat().stream())
                .map(n -> new WorkloadEndpointSpec.IpNat(n.internalIp().toString(), n.externalIp().toString())).toList();
        WorkloadEndpointSpec spec = new WorkloadEndpointSpec(key.orchestrator(), workload, key.node(), "", pod,
                key.endpoint(), networks, nats,
                endpoint.ipv4Gateway() == null ? "" : endpoint.ipv4Gateway().toString(),
                endpoint.ipv6Gateway() == null ? "" : endpoint.ipv6Gateway().toString(),
                endpoint.profileIds() == null ? List.of() : endpoint.profileIds(), endpoint.name(),
                endpoint.mac() == null ? "" : endpoint.mac());
        String name = WorkloadEndpointNames.of(key.node(), key.orchestrator(), k8s && dot > 0 ? pod : workload,
                key.endpoint());
        return Optional.of(new WorkloadEndpointResource(
                new ResourceMetadata(name, endpoint.labels(), Map.of(), "", namespace), spec));
    }

    private static List<IpAddr> family(List<IpAddr> ips, IpFamily family) {
        return ips.stream().filter(ip -> ip.family() == family).toList();
    }
}
