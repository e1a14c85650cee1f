package io.tabby.node.startup;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The interfaces calico/node's {@code first-found} never takes an address from: container
 * bridges, veths, Calico's own devices and tunnels, loopback and the like.
 */
final class ExcludedInterfaces {
    static final List<Pattern> DEFAULT = List.of(
            "docker.*", "cbr.*", "dummy.*", "virbr.*", "lxcbr.*", "veth.*", "lo", "cali.*", "tunl.*",
            "flannel.*", "kube-ipvs.*", "cni.*", "vxlan.calico.*", "vxlan-v6.calico.*", "wireguard.cali.*",
            "wg-v6.cali.*", "nodelocaldns.*").stream().map(Pattern::compile).toList();

    private ExcludedInterfaces() {
    }

    static boolean excluded(String device) {
        return DEFAULT.stream().anyMatch(p -> p.matcher(device).matches());
    }
}
