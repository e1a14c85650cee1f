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
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The per-interface kernel settings of workload interfaces, as felix sets them: {@code proxy_arp=1}
 * (the host end answers the pod's ARP for 169.254.1.1), {@code neigh proxy_delay=0},
 * {@code forwarding=1} and {@code rp_filter=1} (strict reverse-path check: a packet from a pod
 * must come in on the interface its source address routes to); for a workload with IPv6
 * addresses also {@code net.ipv6.conf.<iface>.proxy_ndp=1} and {@code forwarding=1}, as Calico
 * felix sets them. An interface is configured once
 * per appearance: when it is first seen and whenever it comes back with a new ifindex (a
 * recreated veth starts with the kernel defaults).
 */
final class InterfaceConfigurator {
    private final SysctlOps sysctls;
    private final LinkOps links;
    private final NetNs ns;
    /** Interface name to whether its workload has IPv6 addresses. */
    private Map<String, Boolean> desired = new HashMap<>();
    /** Interface name to the ifindex it had when configured. */
    private final Map<String, Integer> done = new HashMap<>();

    InterfaceConfigurator(SysctlOps sysctls, LinkOps links, NetNs ns) {
        this.sysctls = requireNonNull(sysctls, "sysctls is null");
        this.links = requireNonNull(links, "links is null");
        this.ns = requireNonNull(ns, "ns is null");
    }

    /** @param interfaces interface name to whether its workload has IPv6 addresses */
    void setDesired(Map<String, Boolean> interfaces) {
        Map<String, Boolean> before = desired;
        desired = new HashMap<>(interfaces);
        done.keySet().retainAll(desired.keySet());
        // An endpoint that gained IPv6 needs its interface configured again.
        desired.forEach((iface, v6) -> {
            if (v6 && !before.getOrDefault(iface, false)) {
                done.remove(iface);
            }
        });
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
        for (String iface : desired.keySet().stream().sorted().toList()) {
            Integer index = present.get(iface);
            if (index == null) {
                waiting = true;
            } else if (!index.equals(done.get(iface))) {
                settings(values, iface, desired.get(iface));
                configured.put(iface, index);
            }
        }
        write(values, configured);
        return waiting;
    }

    /**
     * Configures a few interfaces without listing the others, between full passes.
     *
     * @param wanted interfaces that exist, to whether their workload has IPv6 addresses
     * @param indexes their ifindexes
     * @param gone interfaces no endpoint names any more
     */
    void applyChanges(Map<String, Boolean> wanted, Map<String, Integer> indexes, Set<String> gone) {
        gone.forEach(iface -> {
            desired.remove(iface);
            done.remove(iface);
        });
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> configured = new HashMap<>();
        for (String iface : new TreeSet<>(wanted.keySet())) {
            boolean v6 = wanted.get(iface);
            Boolean before = desired.put(iface, v6);
            if (v6 && !Boolean.TRUE.equals(before)) {
                done.remove(iface);
            }
            Integer index = requireNonNull(indexes.get(iface), "no ifindex for " + iface);
            if (!index.equals(done.get(iface))) {
                settings(values, iface, v6);
                configured.put(iface, index);
            }
        }
        write(values, configured);
    }

    private void write(Map<String, String> values, Map<String, Integer> configured) {
        if (!values.isEmpty()) {
            sysctls.write(ns, values);
            done.putAll(configured);
        }
    }

    private static void settings(Map<String, String> values, String iface, boolean v6) {
        values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "rp_filter"), "1");
        values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "proxy_arp"), "1");
        values.put(SysctlOps.interfaceKey("net.ipv4.neigh", iface, "proxy_delay"), "0");
        values.put(SysctlOps.interfaceKey("net.ipv4.conf", iface, "forwarding"), "1");
        if (v6) {
            values.put(SysctlOps.interfaceKey("net.ipv6.conf", iface, "proxy_ndp"), "1");
            values.put(SysctlOps.interfaceKey("net.ipv6.conf", iface, "forwarding"), "1");
        }
    }
}
