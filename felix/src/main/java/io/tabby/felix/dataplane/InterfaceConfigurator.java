package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.SysctlOps;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-interface kernel settings of workload interfaces, as felix sets them: {@code proxy_arp=1}
 * (the host end answers the pod's ARP for 169.254.1.1), {@code neigh proxy_delay=0},
 * {@code forwarding=1} and {@code rp_filter=1} (strict reverse-path check: a packet from a pod
 * must come in on the interface its source address routes to). An interface is configured once
 * per appearance: when it is first seen and whenever it comes back with a new ifindex (a
 * recreated veth starts with the kernel defaults).
 */
final class InterfaceConfigurator {
    private final SysctlOps sysctls;
    private final LinkOps links;
    private final NetNs ns;
    private Set<String> desired = Set.of();
    /** Interface name to the ifindex it had when configured. */
    private final Map<String, Integer> done = new HashMap<>();

    InterfaceConfigurator(SysctlOps sysctls, LinkOps links, NetNs ns) {
        this.sysctls = requireNonNull(sysctls, "sysctls is null");
        this.links = requireNonNull(links, "links is null");
        this.ns = requireNonNull(ns, "ns is null");
    }

    void setDesired(Set<String> interfaces) {
        desired = Set.copyOf(interfaces);
        done.keySet().retainAll(desired);
    }

    /** Configures interfaces that are new or recreated; true when some wanted interface is missing. */
    boolean apply() {
        if (desired.isEmpty()) {
            return false;
        }
        Map<String, Integer> present = links.list(ns).stream().collect(Collectors.toMap(Link::name, Link::index));
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> configured = new HashMap<>();
        boolean waiting = false;
        for (String iface : desired.stream().sorted().toList()) {
            Integer index = present.get(iface);
            if (index == null) {
                waiting = true;
            } else if (!index.equals(done.get(iface))) {
                values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "rp_filter"), "1");
                values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "proxy_arp"), "1");
                values.put(SysctlOps.interfaceKey("net.ipv4.neigh", iface, "proxy_delay"), "0");
                values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "forwarding"), "1");
                configured.put(iface, index);
            }
        }
        if (!values.isEmpty()) {
            sysctls.write(ns, values);
            done.putAll(configured);
        }
        return waiting;
    }
}
