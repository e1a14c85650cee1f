package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.control.ConfigureOutcome;
import io.tabby.bird.control.ControlTarget;
import io.tabby.bird.control.ProtocolView;
import io.tabby.bird.control.RouteListing;
import io.tabby.bird.control.RouteQuery;
import io.tabby.bird.control.StatusReport;
import io.tabby.bird.control.ToggleOutcome;
import io.tabby.bird.speaker.PeerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The control socket's view of the daemon: protocols and routes from snapshots (the speaker's peer
 * status, the kernel thread's table, a read of the RIB on its own thread), {@code configure} through
 * the daemon, {@code enable}/{@code disable}/{@code restart} on BGP protocols.
 */
final class DaemonControl implements ControlTarget {

    private static final Logger LOG = LogManager.getLogger(DaemonControl.class);
    private static final long RIB_READ_SECONDS = 30;

    private final BirdDaemon daemon;

    DaemonControl(BirdDaemon daemon) {
        this.daemon = requireNonNull(daemon, "daemon is null");
    }

    @Override
    public StatusReport status() {
        return new StatusReport(daemon.config().routerId().orElseThrow(), daemon.started(), daemon.reconfigured(),
                daemon.closing() ? StatusReport.DaemonState.SHUTTING_DOWN : StatusReport.DaemonState.UP);
    }

    @Override
    public List<ProtocolView> protocols() {
        return ProtocolRows.of(daemon.config(), daemon.speaker().peers(), daemon.kernel().snapshot(), daemon.started());
    }

    @Override
    public RouteListing routes(RouteQuery query) {
        List<RouteRows.BgpPath> bgp;
        try {
            bgp = daemon.speaker().inspectRib(RouteRows::readRib).get(RIB_READ_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the RIB", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the RIB: " + e, e);
        }
        List<PeerStatus> peers = daemon.speaker().peers();
        var rows = RouteRows.of(bgp, daemon.kernel().snapshot(), id -> daemon.speaker().protocolName(id),
                id -> since(peers, id), daemon.started());
        return RouteListing.select(rows, query);
    }

    private Instant since(List<PeerStatus> peers, int id) {
        Optional<String> name = daemon.speaker().protocolName(id);
        return peers.stream().filter(p -> name.isPresent() && p.name().equals(name.get())).map(PeerStatus::since)
                .findFirst().orElse(daemon.started());
    }

    @Override
    public ConfigureOutcome configure(Optional<String> file, boolean checkOnly) {
        return daemon.configure(file, checkOnly);
    }

    @Override
    public ToggleOutcome enable(String protocol) {
        if (isBgp(protocol)) {
            boolean wasEnabled = daemon.speaker().peer(protocol).map(PeerStatus::enabled).orElse(true);
            daemon.speaker().enable(protocol);
            return wasEnabled ? ToggleOutcome.ALREADY : ToggleOutcome.DONE;
        }
        return ToggleOutcome.ALREADY; // kernel, device, direct and static protocols are always enabled
    }

    @Override
    public ToggleOutcome disable(String protocol) {
        if (isBgp(protocol)) {
            boolean wasEnabled = daemon.speaker().peer(protocol).map(PeerStatus::enabled).orElse(false);
            daemon.speaker().disable(protocol);
            return wasEnabled ? ToggleOutcome.DONE : ToggleOutcome.ALREADY;
        }
        LOG.warn("disable {}: only BGP protocols can be disabled in tabby-bird; {} stays up", protocol, protocol);
        return ToggleOutcome.ALREADY;
    }

    @Override
    public ToggleOutcome restart(String protocol) {
        if (isBgp(protocol)) {
            return daemon.speaker().restart(protocol) ? ToggleOutcome.DONE : ToggleOutcome.ALREADY;
        }
        daemon.kernel().reconfigure(daemon.config()); // re-reads interfaces, re-programs the kernel
        return ToggleOutcome.DONE;
    }

    @Override
    public void shutdown() {
        Thread.ofPlatform().name("bird-down").start(daemon::close);
    }

    private boolean isBgp(String protocol) {
        return daemon.config().bgpProtocols().stream().anyMatch(p -> p.name().equals(protocol));
    }
}
