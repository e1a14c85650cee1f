package io.tabby.testkit.bgp;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real GoBGP daemon ({@code gobgpd}) in a network namespace, driven with the {@code gobgp} CLI
 * over its gRPC API on 127.0.0.1 inside the namespace (the namespace's own loopback, so every
 * instance can use the default port).
 */
public final class GobgpPeer implements AutoCloseable {
    private static final Pattern JSON_PREFIX = Pattern.compile("\"([0-9a-fA-F.:]+/\\d+)\"\\s*:");
    private static final int API_PORT = 50051;

    private final DaemonProcess daemon;
    private final String namespace;

    private GobgpPeer(DaemonProcess daemon, String namespace) {
        this.daemon = daemon;
        this.namespace = namespace;
    }

    /** Writes {@code tomlConfig} to {@code dir}, starts gobgpd in {@code namespace}, waits for its API. */
    public static GobgpPeer start(String namespace, Path dir, String name, String tomlConfig) {
        requireNonNull(tomlConfig, "tomlConfig is null");
        Path config = dir.resolve("bgpn-" + name + ".toml");
        try {
            Files.writeString(config, tomlConfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DaemonProcess daemon = DaemonProcess.start(name, List.of("ip", "netns", "exec", namespace, "gobgpd", "-f",
                config.toString(), "-p", "--api-hosts", "127.0.0.1:" + API_PORT, "--pprof-disable"),
                dir.resolve("bgpn-" + name + ".log"));
        GobgpPeer peer = new GobgpPeer(daemon, namespace);
        try {
            daemon.awaitReady(() -> peer.tryGobgp("global").exit() == 0, 15);
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
        return peer;
    }

    public long pid() {
        return daemon.pid();
    }

    /** Output of {@code gobgp ARGS...} run in the namespace; throws with the output on failure. */
    public String gobgp(String... args) {
        HostCommand.Result result = tryGobgp(args);
        if (result.exit() != 0) {
            throw new IllegalStateException("gobgp " + String.join(" ", args) + " exited " + result.exit() + ": "
                    + result.output());
        }
        return result.output();
    }

    private HostCommand.Result tryGobgp(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "gobgp", "-u", "127.0.0.1", "-p",
                String.valueOf(API_PORT)));
        argv.addAll(List.of(args));
        return HostCommand.tryRun(argv);
    }

    /** The prefixes of {@code gobgp global rib -a ipv4|ipv6}. */
    public Set<String> routes(boolean ipv6) {
        Set<String> prefixes = new LinkedHashSet<>();
        Matcher m = JSON_PREFIX.matcher(gobgp("global", "rib", "-a", ipv6 ? "ipv6" : "ipv4", "-j"));
        while (m.find()) {
            prefixes.add(m.group(1));
        }
        return prefixes;
    }

    /** Whether the session with {@code neighbor} is Established. */
    public boolean established(String neighbor) {
        return gobgp("neighbor", neighbor).toUpperCase(java.util.Locale.ROOT).contains("BGP STATE = ESTABLISHED");
    }

    /** {@code gobgp global rib add PREFIX -a FAMILY nexthop NEXTHOP}. */
    public void addRoute(String prefix, String nextHop) {
        gobgp("global", "rib", "add", prefix, "-a", family(prefix), "nexthop", nextHop);
    }

    /** {@code gobgp global rib del PREFIX -a FAMILY}. */
    public void deleteRoute(String prefix) {
        gobgp("global", "rib", "del", prefix, "-a", family(prefix));
    }

    private static String family(String prefix) {
        return prefix.contains(":") ? "ipv6" : "ipv4";
    }

    public String log() {
        return daemon.log();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
