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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * bird-bridge in the node's JVM, as calico/node runs {@code bird -R}: always in graceful-restart
 * recovery (the kernel keeps the previous run's routes until the peers have re-sent theirs), on the
 * bird.cfg confd renders, with the control socket confd's {@code reload_cmd} talks to. Its sessions
 * are published to etcd for {@code tabbyctl node status --all}. {@link #closeForRestart()} is the
 * only stop: the kernel keeps its routes ({@code persist}) and the sessions close without a
 * NOTIFICATION, so peers keep this node's routes until it is back.
 */
public final class BirdPart {
    private static final Logger LOG = LogManager.getLogger(BirdPart.class);
    private static final Duration RIB_READ = Duration.ofSeconds(2);

    private final BirdDaemon daemon;
    private final Path socket;
    private final BgpStatusPublisher publisher;
    private volatile boolean stopped;

    private BirdPart(BirdDaemon daemon, Path socket, BgpStatusPublisher publisher) {
        this.daemon = daemon;
        this.socket = socket;
        this.publisher = publisher;
    }

    /**
     * Starts the daemon on {@code config} with its control socket at {@code socket}, and the
     * publisher of its sessions under {@code nodeName}.
     *
     * @throws BirdConfigException when bird.cfg is refused
     * @throws IllegalArgumentException when it cannot run (no router id)
     * @throws UncheckedIOException when the control socket cannot be made
     */
    public static BirdPart start(Path config, Path socket, CommandRunner runner, Backend backend, String nodeName)
            throws BirdConfigException {
        requireNonNull(socket, "socket is null");
        try {
            if (socket.getParent() != null) {
                Files.createDirectories(socket.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the directory of bird's control socket " + socket, e);
        }
        BirdDaemon daemon = BirdDaemon.start(new DaemonSettings(config, socket, RouterFamily.IPV4, true, NetNs.root(),
                runner, Clock.systemUTC()));
        BgpStatusPublisher publisher = new BgpStatusPublisher(backend, nodeName,
                () -> SpeakerSessions.fromPeers(daemon.peers()), Clock.systemUTC(), PublisherSettings.DEFAULTS);
        publisher.start();
        return new BirdPart(daemon, socket, publisher);
    }

    /** Why bird-bridge is not ready (stopped, control socket gone), or empty when it runs its configuration. */
    public Optional<String> notReady() {
        return notReady(stopped, Files.exists(socket), socket);
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

    /** BGP sessions per FSM state, in BIRD's spelling ({@code Established}, {@code Active}, ...). */
    public Map<String, Long> sessionsByState() {
        return countByState(daemon.peers());
    }

    static Map<String, Long> countByState(List<PeerStatus> peers) {
        Map<String, Long> counts = new TreeMap<>();
        for (PeerStatus peer : peers) {
            counts.merge(SpeakerSessions.sessionName(peer.state()), 1L, Long::sum);
        }
        return counts;
    }

    /** Routes in the daemon's {@code master} and {@code kernel} tables. */
    public Map<String, Long> routesByTable() {
        return daemon.routesByTable(RIB_READ);
    }

    /** Stops publishing (the status key goes with its lease), then the daemon for a graceful restart. */
    public void closeForRestart() {
        stopped = true;
        publisher.close();
        daemon.closeForRestart();
        LOG.info("bird-bridge stopped for a graceful restart; kernel routes stay, peers keep ours as stale");
    }
}
