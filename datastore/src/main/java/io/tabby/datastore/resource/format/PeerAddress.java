package io.tabby.datastore.resource.format;

import java.util.Optional;

/**
 * A BGP peer address as v3 {@code peerIP} writes it: {@code 10.0.0.5}, {@code 10.0.0.5:1790},
 * {@code fd00::5} or {@code [fd00::5]:1790}.
 *
 * @param ip the address (a /32 or /128)
 * @param port the port, 0 when none was given (BGP's 179)
 */
public record PeerAddress(IpNet ip, int port) {
    public static final int BGP_PORT = 179;

    /** Empty when malformed; a port outside 1..65535 counts as malformed. */
    public static Optional<PeerAddress> parse(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                return Optional.empty();
            }
            return withPort(text.substring(1, close), text.substring(close + 2)).filter(p -> p.ip.family() == 6);
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && text.indexOf(':', colon + 1) < 0) {
            return withPort(text.substring(0, colon), text.substring(colon + 1)).filter(p -> p.ip.family() == 4);
        }
        return IpNet.parseAddress(text).map(ip -> new PeerAddress(ip, 0));
    }

    private static Optional<PeerAddress> withPort(String address, String port) {
        if (!port.matches("[1-9][0-9]{0,4}") || Integer.parseInt(port) > 65535) {
            return Optional.empty();
        }
        return IpNet.parseAddress(address).map(ip -> new PeerAddress(ip, Integer.parseInt(port)));
    }

    /** The port actually used: the given one, or 179. */
    public int effectivePort() {
        return port == 0 ? BGP_PORT : port;
    }

    /** Back to v3 text; a port equal to 179 given explicitly is kept. */
    @Override
    public String toString() {
        if (port == 0) {
            return ip.addressText();
        }
        return ip.family() == 6 ? "[" + ip.addressText() + "]:" + port : ip.addressText() + ":" + port;
    }
}
