package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.RouterFamily;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.NetNs;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How a {@link BirdDaemon} runs.
 *
 * @param configFile the file {@code configure} re-reads
 * @param socket the control socket
 * @param family IPv4 ({@code bird}) or IPv6 ({@code bird6})
 * @param recovery {@code -R}: announce a graceful restart and keep the previous run's kernel routes until synced
 * @param namespace where the kernel table and interfaces are (the process's own, normally)
 * @param commands runs the {@code ip} commands
 * @param clock for the time columns and the scan passes
 */
public record DaemonSettings(Path configFile, Path socket, RouterFamily family, boolean recovery, NetNs namespace,
        CommandRunner commands, Clock clock) {

    public DaemonSettings {
        requireNonNull(configFile, "configFile is null");
        requireNonNull(socket, "socket is null");
        requireNonNull(family, "family is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(commands, "commands is null");
        requireNonNull(clock, "clock is null");
    }
}
