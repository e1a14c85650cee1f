package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A port that host endpoint policy never closes ({@code FailsafeInboundHostPorts},
 * {@code FailsafeOutboundHostPorts}), so that a wrong policy cannot cut the node off from SSH,
 * DHCP, BGP, etcd or the API server.
 *
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 * @param port 1-65535
 */
public record FailsafePort(String protocol, int port) {
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

    /** Calico felix 3.x's {@code FailsafeInboundHostPorts}. */
    public static final List<FailsafePort> DEFAULT_INBOUND = parseList("tcp:22, udp:68, tcp:179, tcp:2379, tcp:2380,"
            + " tcp:5473, tcp:6443, tcp:6666, tcp:6667", "default");
    /** Calico felix 3.x's {@code FailsafeOutboundHostPorts}. */
    public static final List<FailsafePort> DEFAULT_OUTBOUND = parseList("udp:53, udp:67, tcp:179, tcp:2379, tcp:2380,"
            + " tcp:5473, tcp:6443, tcp:6666, tcp:6667", "default");

    public FailsafePort {
        requireNonNull(protocol, "protocol is null");
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("failsafe protocol " + protocol + " is not tcp, udp or sctp");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("failsafe port " + port + " is not in 1-65535");
        }
    }

    /**
     * Calico's list syntax: comma-separated {@code protocol:port} entries (a bare port means tcp),
     * or {@code none} for an empty list.
     *
     * @param source what the text came from, for the error ({@code FELIX_FAILSAFEINBOUNDHOSTPORTS})
     * @throws IllegalArgumentException naming the source and the bad entry
     */
    public static List<FailsafePort> parseList(String text, String source) {
        requireNonNull(text, "text is null");
        List<FailsafePort> ports = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
            return List.of();
        }
        for (String entry : trimmed.split(",")) {
            String item = entry.strip().toLowerCase(Locale.ROOT);
            int colon = item.lastIndexOf(':');
            String protocol = colon < 0 ? "tcp" : item.substring(0, colon);
            String port = item.substring(colon + 1);
            try {
                ports.add(new FailsafePort(protocol, Integer.parseInt(port)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": entry '" + entry.strip()
                        + "' is not protocol:port such as tcp:22 or udp:68 (" + e.getMessage() + ")", e);
            }
        }
        return List.copyOf(ports);
    }

    @Override
    public String toString() {
        return protocol + ":" + port;
    }
}
