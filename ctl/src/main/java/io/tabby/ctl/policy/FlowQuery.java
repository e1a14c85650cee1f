package io.tabby.ctl.policy;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import java.util.Locale;
import java.util.Map;

/**
 * What kind of packet the question is about: protocol, destination port, and for ICMP the type.
 * Read from {@code --port N[/PROTO]} and {@code --protocol PROTO}; a port without a protocol is TCP,
 * as in a Kubernetes NetworkPolicy.
 *
 * @param protocolName upper-case name as a v3 rule writes it ({@code TCP}, {@code ICMP}) or the number
 * @param protocol IP protocol number
 * @param port destination port, 0 for protocols without ports
 * @param icmpType ICMP type, null unless the protocol is ICMP or ICMPv6
 */
public record FlowQuery(String protocolName, int protocol, int port, Integer icmpType) {
    private static final Map<String, Integer> NUMBERS = Map.of("TCP", 6, "UDP", 17, "SCTP", 132, "UDPLITE", 136,
            "ICMP", 1, "ICMPV6", 58);
    /** Echo request, the packet {@code ping} sends. */
    private static final int ECHO_REQUEST = 8;
    private static final int ECHO_REQUEST_V6 = 128;

    public FlowQuery {
        requireNonNull(protocolName, "protocolName is null");
        if (protocol < 0 || protocol > 255 || port < 0 || port > 65535) {
            throw new IllegalArgumentException("protocol must be 0-255 and port 0-65535");
        }
    }

    public boolean hasPorts() {
        return protocol == 6 || protocol == 17 || protocol == 132 || protocol == 136;
    }

    /**
     * The query for the command-line values.
     *
     * @param portText {@code --port}, e.g. {@code 80}, {@code 80/tcp}, {@code 53/udp}, or null
     * @param protocolText {@code --protocol}, e.g. {@code icmp}, {@code tcp}, {@code 6}, or null
     * @param icmpType {@code --icmp-type}, or null for echo request
     */
    public static FlowQuery parse(String portText, String protocolText, Integer icmpType) {
        String fromPort = null;
        int port = 0;
        if (portText != null) {
            int slash = portText.indexOf('/');
            String number = slash < 0 ? portText : portText.substring(0, slash);
            fromPort = slash < 0 ? null : portText.substring(slash + 1);
            port = portNumber(number, portText);
        }
        if (fromPort != null && protocolText != null && !canonical(fromPort).equals(canonical(protocolText))) {
            throw new CtlException("--port " + portText + " and --protocol " + protocolText
                    + " name different protocols; give the protocol once, e.g. --port 80/tcp");
        }
        String text = fromPort != null ? fromPort : protocolText != null ? protocolText : portText != null ? "TCP" : null;
        if (text == null) {
            throw new CtlException("Give the packet: --port N/PROTO (e.g. --port 80/tcp, --port 53/udp)"
                    + " or --protocol icmp");
        }
        String name = canonical(text);
        int protocol = number(name, text);
        FlowQuery query = new FlowQuery(name, protocol, port,
                protocol == 1 ? defaulted(icmpType, ECHO_REQUEST) : protocol == 58 ? defaulted(icmpType, ECHO_REQUEST_V6) : null);
        if (query.hasPorts() && portText == null) {
            throw new CtlException("--protocol " + protocolText + " needs a destination port: add --port N");
        }
        if (!query.hasPorts() && portText != null) {
            throw new CtlException("protocol " + name + " has no ports; leave out --port or give a port protocol"
                    + " (tcp, udp, sctp)");
        }
        if (icmpType != null && query.icmpType() == null) {
            throw new CtlException("--icmp-type applies to --protocol icmp or icmpv6 only");
        }
        return query;
    }

    private static Integer defaulted(Integer icmpType, int otherwise) {
        if (icmpType != null && (icmpType < 0 || icmpType > 255)) {
            throw new CtlException("--icmp-type " + icmpType + " is not an ICMP type; give 0-255 (8 is ping)");
        }
        return icmpType != null ? icmpType : otherwise;
    }

    private static String canonical(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return upper.equals("ICMPV6") ? "ICMPv6" : upper.equals("UDPLITE") ? "UDPLite" : upper;
    }

    private static int number(String name, String text) {
        Integer known = NUMBERS.get(name.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        try {
            int number = Integer.parseInt(name);
            if (number >= 0 && number <= 255) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CtlException("protocol \"" + text + "\" is not known; give tcp, udp, sctp, icmp, icmpv6 or a"
                + " protocol number 0-255");
    }

    private static int portNumber(String number, String portText) {
        try {
            int port = Integer.parseInt(number.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CtlException("--port " + portText + " is not a port; give N or N/PROTO with N 1-65535,"
                + " e.g. 80/tcp");
    }
}
