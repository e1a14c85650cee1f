package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.SysctlOps;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-interface kernel settings of workload interfaces, as felix sets them: {@code proxy_arp=1}
 * (the host end answers the pod's ARP for 169.254.1.1), {@code neigh proxy_delay=0},
 * {@code forwarding=1} and {@code rp_filter=1} (strict reverse-path check: a packet from a pod
 * must come in on the interface its source address routes to). Each interface is configured once
 * per appearance and again on resync.
 */
final class InterfaceConfigurator {
    private final SysctlOps sysctls;
    private final LinkOps links;
    private final NetNs ns;
    private Set<String> desired = Set.of();
    private final Set<String> done = new HashSet<>();

    InterfaceConfigurator(SysctlOps sysctls, LinkOps links, NetNs ns) {
        this.sysctls = requireNonNull(sysctls, "sysctls is null");
        this.links = requireNonNull(links, "links is null");
        this.ns = requireNonNull(ns, "ns is null");
    }

    void setDesired(Set<String> interfaces) {
        desired = Set.copyOf(interfaces);
        done.retainAll(desired);
    }

    void markResync() {
        done.clear();
    }

    /** Configures interfaces that exist and are not yet done; true when some wanted interface is missing. */
    boolean apply() {
        Set<String> pending = desired.stream().filter(i -> !done.contains(i)).collect(Collectors.toSet());
        if (pending.isEmpty()) {
            return false;
        }
        Set<String> present = links.list(ns).stream().map(Link::name).collect(Collectors.toSet());
        Map<String, String> values = new LinkedHashMap<>();
        boolean waiting = false;
        for (String iface : pending.stream().sorted().toList()) {
            if (!present.contains(iface)) {
                waiting = true;
                continue;
            }
            values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "rp_filter"), "1");
            values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "proxy_arp"), "1");
            values.put(SysctlOps.interfaceKey("net.ipv4.neigh", iface, "proxy_delay"), "0");
            values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "forwarding"), "1");
        }
        if (!values.isEmpty()) {
            sysctls.write(ns, values);
            pending.stream().filter(present::contains).forEach(done::add);
        }
        return waiting;
    }
}
