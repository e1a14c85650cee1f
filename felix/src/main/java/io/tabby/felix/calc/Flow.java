package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import java.util.Map;
import java.util.Optional;

/**
 * One packet's worth of a flow, as {@code tabbyctl policy explain} asks about it, with the labels
 * of whichever ends are workload endpoints (selectors match only those).
 *
 * @param src source address
 * @param dst destination address
 * @param protocol IP protocol number (6 TCP, 17 UDP, 1 ICMP, ...)
 * @param srcPort source port, 0 when none or unknown
 * @param dstPort destination port, 0 when none
 * @param icmpType ICMP type, or null (ping is 8)
 * @param icmpCode ICMP code, or null
 * @param srcLabels the source endpoint's effective labels, empty when the source is no endpoint
 * @param dstLabels the destination endpoint's effective labels, empty when it is no endpoint
 */
public record Flow(IpAddr src, IpAddr dst, int protocol, int srcPort, int dstPort, Integer icmpType, Integer icmpCode,
        Optional<Map<String, String>> srcLabels, Optional<Map<String, String>> dstLabels) {
    public Flow {
        requireNonNull(src, "src is null");
        requireNonNull(dst, "dst is null");
        requireNonNull(srcLabels, "srcLabels is null");
        requireNonNull(dstLabels, "dstLabels is null");
        if (src.family() != dst.family()) {
            throw new IllegalArgumentException("flow from " + src + " to " + dst + " mixes IPv4 and IPv6");
        }
        if (protocol < 0 || protocol > 255 || srcPort < 0 || srcPort > 65535 || dstPort < 0 || dstPort > 65535) {
            throw new IllegalArgumentException("protocol must be 0-255 and ports 0-65535");
        }
    }
}
