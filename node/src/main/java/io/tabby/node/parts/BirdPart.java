package io.tabby.node.parts;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.BirdConfigException;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.daemon.BirdDaemon;
import io.tabby.bird.daemon.DaemonSettings;
import io.tabby.bird.speaker.PeerStatus;
import io.tabby.datastore.backend.Backend;
import io.tabby.node.bgpstatus.BgpStatusPublisher;
import io.tabby.node.bgpstatus.PublisherSettings;
import io.tabby.node.bgpstatus.SpeakerSessions;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.NetNs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * bird-bridge in the node's JVM, as calico/node runs {@code bird -R} (and {@code bird6 -R} when
 * confd renders a bird6.cfg): always in graceful-restart recovery (the kernel keeps the previous
 * run's routes until the peers have re-sent theirs), on the files confd renders, with the control
 * sockets confd's {@code reload_cmd}s talk to. The sessions of both are published to etcd for
 * {@code tabbyctl node status --all}. {@link #closeForRestart()} is the only stop: the kernel keeps
 * its routes ({@code persist}) and the sessions close without a NOTIFICATION, so peers keep this
 * node's routes until it is back.
 */
public final class BirdPart {
    private static final Logger LOG = LogManager.getLogger(BirdPart.class);
    private static final Duration RIB_READ = Duration.ofSeconds(2);

    /** One daemon to run: {@code bird} (IPv4) or {@code bird6}. */
    public record Daemon(RouterFamily family, Path config, Path socket) {
        public Daemon {
            requireNonNull(family, "family is null");
            requireNonNull(config, "config is null");
            requireNonNull(socket, "socket is null");
        }

        /** {@code bird} or {@code bird6}, as logs and readiness name it. */
        String program() {
            return family == RouterFamily.IPV4 ? "bird" : "bird6";
        }
    }

    private record Running(Daemon plan, BirdDaemon daemon) {
    }

    private final List<Running> daemons;
    private final BgpStatusPublisher publisher;
    private volatile boolean stopped;

    private BirdPart(List<Running> daemons, BgpStatusPublisher publisher) {
        this.daemons = List.copyOf(daemons);
        this.publisher = publisher;
    }

    /**
     * Starts a daemon for each of {@code plans}, and the publisher of their sessions under
     * {@code nodeName}; nothing stays running when one cannot start.
     *
     * @throws BirdConfigException when a configuration is refused
     * @throws IllegalArgumentException when one cannot run (no router id)
     * @throws UncheckedIOException when a control socket cannot be made
     */
    public static BirdPart start(List<Daemon> plans, CommandRunner runner, Backend backend, String nodeName)
            throws BirdConfigException {
        List<Running> started = new ArrayList<>();
        try {
            for (Daemon plan : plans) {
                started.add(new Running(plan, startOne(plan, runner)));
            }
        } catch (BirdConfigException | RuntimeException e) {
            started.forEach(running -> running.daemon().closeForRestart());
            throw e;
        }
        BgpStatusPublisher publisher = new BgpStatusPublisher(backend, nodeName,
                () -> SpeakerSessions.fromPeers(peers(started)), Clock.systemUTC(), PublisherSettings.DEFAULTS);
        publisher.start();
        return new BirdPart(started, publisher);
    }

    private static BirdDaemon startOne(Daemon plan, CommandRunner runner) throws BirdConfigException {
        try {
            if (plan.socket().getParent() != null) {
                Files.createDirectories(plan.socket().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the directory of " + plan.program() + "'s control socket "
                    + plan.socket(), e);
        }
        BirdDaemon daemon = BirdDaemon.start(new DaemonSettings(plan.config(), plan.socket(), plan.family(), true,
                NetNs.root(), runner, Clock.systemUTC()));
        LOG.info("{} running {} (graceful restart recovery), control socket {}", plan.program(), plan.config(),
                plan.socket());
        return daemon;
    }

    private static List<PeerStatus> peers(List<Running> daemons) {
        List<PeerStatus> all = new ArrayList<>();
        daemons.forEach(running -> all.addAll(running.daemon().peers()));
        return all;
    }

    /** Why bird-bridge is not ready (stopped, a control socket gone), or empty when it runs. */
    public Optional<String> notReady() {
        for (Running running : daemons) {
            Optional<String> why = notReady(stopped, Files.exists(running.plan().socket()), running.plan().socket());
            if (why.isPresent()) {
                return why.map(reason -> running.plan().program() + ": " + reason);
            }
        }
        return Optional.empty();
    }

    static Optional<String> notReady(boolean stopped, boolean socketExists, Path socket) {
        if (stopped) {
            return Optional.of("stopped");
        }
        if (!socketExists) {
            return Optional.of("control socket " + socket + " is gone");
        }
        return Optional.empty();
    }

    /** BGP sessions of both daemons per FSM state, in BIRD's spelling ({@code Established}, {@code Active}, ...). */
    public Map<String, Long> sessionsByState() {
        return countByState(peers(daemons));
    }

    static Map<String, Long> countByState(List<PeerStatus> peers) {
        Map<String, Long> counts = new TreeMap<>();
        for (PeerStatus peer : peers) {
            counts.merge(SpeakerSessions.sessionName(peer.state()), 1L, Long::sum);
        }
        return counts;
    }

    /** Routes in the {@code master} and {@code kernel} tables; bird6's are {@code master6} and {@code kernel6}. */
    public Map<String, Long> routesByTable() {
        Map<String, Long> tables = new TreeMap<>();
        for (Running running : daemons) {
            String suffix = running.plan().family() == RouterFamily.IPV4 ? "" : "6";
            running.daemon().routesByTable(RIB_READ).forEach((table, count) -> tables.put(table + suffix, count));
        }
        return tables;
    }

    /** Stops publishing (the status key goes with its lease), then the daemons for a graceful restart. */
    public void closeForRestart() {
        stopped = true;
        publisher.close();
        daemons.forEach(running -> running.daemon().closeForRestart());
        LOG.info("bird-bridge stopped for a graceful restart; kernel routes stay, peers keep ours as stale");
    }
}
