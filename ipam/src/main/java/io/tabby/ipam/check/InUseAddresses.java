package io.tabby.ipam.check;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The addresses workload endpoints use ({@code ipv4_nets}, {@code ipv6_nets}), with who uses each. */
final class InUseAddresses {

    private final Map<IpAddr, List<String>> users = new HashMap<>();
    private final List<Cidr> wider = new ArrayList<>();

    InUseAddresses(Map<WorkloadEndpointKey, WorkloadEndpoint> endpoints) {
        endpoints.forEach((key, endpoint) -> {
            add(key, endpoint.ipv4Nets());
            add(key, endpoint.ipv6Nets());
        });
    }

    private void add(WorkloadEndpointKey key, List<Cidr> nets) {
        if (nets == null) {
            return;
        }
        for (Cidr net : nets) {
            if (net.prefixLength() == net.family().bits()) {
                users.computeIfAbsent(net.network(), a -> new ArrayList<>()).add("endpoint " + key.path());
            } else {
                wider.add(net);
            }
        }
    }

    boolean inUse(IpAddr address) {
        return users.containsKey(address) || wider.stream().anyMatch(net -> net.contains(address));
    }

    /** Every single address an endpoint uses, with the first endpoint using it. */
    Map<IpAddr, String> firstUsers() {
        Map<IpAddr, String> first = new HashMap<>();
        users.forEach((address, who) -> first.put(address, who.getFirst()));
        return first;
    }

    /** Addresses more than one endpoint uses, with those endpoints. */
    Map<IpAddr, List<String>> shared() {
        Map<IpAddr, List<String>> shared = new HashMap<>();
        users.forEach((address, who) -> {
            if (who.size() > 1) {
                shared.put(address, List.copyOf(who));
            }
        });
        return shared;
    }
}
