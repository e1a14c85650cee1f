package io.tabby.node.health;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Where the health server listens. Defaults are calico/node's: {@code localhost:9099}. From the
 * environment: {@code TABBY_HEALTH_ENABLED} ({@code true} by default), {@code TABBY_HEALTH_HOST},
 * {@code TABBY_HEALTH_PORT} (0 picks a free port, for tests).
 */
public record HealthSettings(boolean enabled, String host, int port) {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 9099;

    public HealthSettings {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("health host is empty: give a host name or address, e.g. localhost");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("health port " + port + " is out of range 0-65535");
        }
    }

    public static HealthSettings defaults() {
        return new HealthSettings(true, DEFAULT_HOST, DEFAULT_PORT);
    }

    public static HealthSettings fromEnv(Map<String, String> env) {
        String enabled = env.getOrDefault("TABBY_HEALTH_ENABLED", "true").strip();
        if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("TABBY_HEALTH_ENABLED='" + enabled + "' is not true or false");
        }
        String host = env.getOrDefault("TABBY_HEALTH_HOST", DEFAULT_HOST).strip();
        String portText = env.getOrDefault("TABBY_HEALTH_PORT", Integer.toString(DEFAULT_PORT)).strip();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TABBY_HEALTH_PORT='" + portText + "' is not a port number (default "
                    + DEFAULT_PORT + ")", e);
        }
        return new HealthSettings(Boolean.parseBoolean(enabled), host, port);
    }
}
