package io.tabby.cni.wire;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how long the plugin talks to the node agent. The socket is
 * {@value #DEFAULT_SOCKET} unless {@code TABBY_CNI_SOCKET} names another. {@code connectTimeout}
 * bounds getting a connection; {@code timeout} bounds the whole exchange, connect included, so
 * an ADD never hangs the runtime: past it the plugin answers code 11, "try again later", and the
 * runtime retries. The agent must answer well inside it (its etcd calls are bounded shorter).
 */
public record ClientSettings(Path socket, Duration connectTimeout, Duration timeout) {
    public static final String DEFAULT_SOCKET = "/var/run/tabby/cni.sock";
    public static final String SOCKET_ENV = "TABBY_CNI_SOCKET";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ClientSettings {
        requireNonNull(socket, "socket is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(timeout, "timeout is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (connectTimeout.compareTo(timeout) > 0) {
            throw new IllegalArgumentException("connectTimeout " + connectTimeout + " exceeds timeout " + timeout);
        }
    }

    public static ClientSettings fromEnv(Map<String, String> env) {
        String socket = env.getOrDefault(SOCKET_ENV, "");
        return new ClientSettings(Path.of(socket.isEmpty() ? DEFAULT_SOCKET : socket),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    public ClientSettings withTimeouts(Duration connect, Duration overall) {
        return new ClientSettings(socket, connect, overall);
    }
}
