package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.HostEndpointSpec;
import io.tabby.datastore.resource.WorkloadEndpointSpec;
import io.tabby.datastore.resource.WorkloadEndpointSpec.IpNat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads HostEndpoint and WorkloadEndpoint specs. */
final class EndpointSpecReader {
    private EndpointSpecReader() {
    }

    static HostEndpointSpec readHost(Optional<FieldReader> found) {
        if (found.isEmpty()) {
            return new HostEndpointSpec("", "", List.of(), List.of());
        }
        FieldReader spec = found.get();
        HostEndpointSpec read = new HostEndpointSpec(spec.text("node"), spec.text("interfaceName"),
                spec.texts("expectedIPs"), spec.texts("profiles"));
        spec.rejectUnknown();
        return read;
    }

    static WorkloadEndpointSpec readWorkload(Optional<FieldReader> found) {
        if (found.isEmpty()) {
            return new WorkloadEndpointSpec("", "", "", "", "", "", List.of(), List.of(), "", "", List.of(), "", "");
        }
        FieldReader spec = found.get();
        String orchestrator = spec.text("orchestrator");
        String workload = spec.text("workload");
        String node = spec.text("node");
        String containerId = spec.text("containerID");
        String pod = spec.text("pod");
        String endpoint = spec.text("endpoint");
        List<String> ipNetworks = spec.texts("ipNetworks");
        List<IpNat> nats = new ArrayList<>();
        for (FieldReader nat : spec.objects("ipNATs")) {
            nats.add(new IpNat(nat.text("internalIP"), nat.text("externalIP")));
            nat.rejectUnknown();
        }
        String ipv4Gateway = spec.text("ipv4Gateway");
        String ipv6Gateway = spec.text("ipv6Gateway");
        List<String> profiles = spec.texts("profiles");
        String interfaceName = spec.text("interfaceName");
        String mac = spec.text("mac");
        spec.rejectUnknown();
        return new WorkloadEndpointSpec(orchestrator, workload, node, containerId, pod, endpoint, ipNetworks, nats,
                ipv4Gateway, ipv6Gateway, profiles, interfaceName, mac);
    }
}
