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

/**
 * A real BIRD 1.6 daemon ({@code bird}, or {@code bird6} for IPv6) in a network namespace, with its
 * own control socket, read with {@code birdc -s}. Start it with a complete bird.conf; keep connect
 * delays short in it ({@code connect delay time 1}), BIRD's default of 5 s slows every test.
 */
public final class BirdPeer implements AutoCloseable {
    private final DaemonProcess daemon;
    private final Path config;
    private final Path socket;
    private final boolean ipv6;

    private BirdPeer(DaemonProcess daemon, Path config, Path socket, boolean ipv6) {
        this.daemon = daemon;
        this.config = config;
        this.socket = socket;
        this.ipv6 = ipv6;
    }

    /**
     * Writes {@code configText} to {@code dir} and starts the daemon in {@code namespace} in the
     * foreground; returns once its control socket answers.
     */
    public static BirdPeer start(String namespace, Path dir, String name, String configText, boolean ipv6) {
        return start(namespace, dir, name, configText, ipv6, List.of());
    }

    /**
     * As {@link #start(String, Path, String, String, boolean)} with extra daemon flags, such as
     * {@code -R} (graceful restart recovery, as calico/node starts BIRD).
     */
    public static BirdPeer start(String namespace, Path dir, String name, String configText, boolean ipv6,
            List<String> flags) {
        requireNonNull(configText, "configText is null");
        Path config = dir.resolve("bgpn-" + name + ".conf");
        Path socket = dir.resolve("bgpn-" + name + ".ctl");
        try {
            Files.writeString(config, configText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace, ipv6 ? "bird6" : "bird", "-f", "-c",
                config.toString(), "-s", socket.toString()));
        argv.addAll(flags);
        DaemonProcess daemon = DaemonProcess.start(name, argv, dir.resolve("bgpn-" + name + ".log"));
        BirdPeer peer = new BirdPeer(daemon, config, socket, ipv6);
        try {
            daemon.awaitReady(() -> Files.exists(socket) && peer.tryBirdc("show status").exit() == 0, 10);
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
        return peer;
    }

    public long pid() {
        return daemon.pid();
    }

    /** Output of {@code birdc -s SOCKET COMMAND...}; throws with the output if birdc fails. */
    public String birdc(String command) {
        HostCommand.Result result = tryBirdc(command);
        if (result.exit() != 0) {
            throw new IllegalStateException("birdc " + command + " exited " + result.exit() + ": " + result.output());
        }
        return result.output();
    }

    private HostCommand.Result tryBirdc(String command) {
        List<String> argv = new ArrayList<>(List.of(ipv6 ? "birdc6" : "birdc", "-s", socket.toString()));
        argv.addAll(List.of(command.split(" ")));
        return HostCommand.tryRun(argv);
    }

    /** The prefixes of {@code show route} (every protocol). */
    public Set<String> routes() {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String line : birdc("show route").split("\n")) {
            String first = line.strip().split("\\s+")[0];
            if (first.contains("/") && !line.startsWith(" ")) {
                prefixes.add(first);
            }
        }
        return prefixes;
    }

    /** The {@code show protocols NAME} row of a protocol (name, proto, table, state, since, info). */
    public String protocolRow(String protocol) {
        for (String line : birdc("show protocols " + protocol).split("\n")) {
            if (line.startsWith(protocol + " ")) {
                return line;
            }
        }
        throw new IllegalStateException("BIRD has no protocol " + protocol + ":\n" + birdc("show protocols"));
    }

    /** Whether the BGP protocol's session is Established. */
    public boolean established(String protocol) {
        return protocolRow(protocol).contains("Established");
    }

    /** Replaces bird.conf and runs {@code birdc configure}. */
    public void reconfigure(String configText) {
        try {
            Files.writeString(config, configText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String out = birdc("configure");
        if (!out.contains("Reconfigured") && !out.contains("Reconfiguration in progress")) {
            throw new IllegalStateException("birdc configure did not reconfigure:\n" + out);
        }
    }

    /** SIGKILL: the daemon dies without closing its sessions or cleaning up, as in a crash. */
    public void kill() {
        daemon.kill();
    }

    public String log() {
        return daemon.log();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
