package io.tabby.testkit.etcd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on the loopback address. A port is only known to be free at the moment it is
 * probed, so a launcher that loses a race for it retries with fresh ports.
 */
final class Ports {

    private Ports() {
    }

    /** A port nobody listens on at {@code 127.0.0.1} right now. */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
