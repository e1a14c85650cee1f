package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigException;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.control.ConfigureOutcome;
import io.tabby.bird.control.ControlServer;
import io.tabby.bird.kernel.DirectRoutes;
import io.tabby.bird.kernel.KernelSettings;
import io.tabby.bird.kernel.KernelTableSync;
import io.tabby.bird.speaker.BgpSpeaker;
import io.tabby.bird.speaker.PeerStatus;
import io.tabby.bird.speaker.SpeakerOptions;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.LinuxRouteOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One running BIRD-like daemon: the BGP speaker, the kernel thread and the control socket for one
 * configuration. {@link #start} brings them up in that order (the kernel table is read before the
 * first route can arrive); {@link #close} stops them (kernel protocol first, so that with
 * {@code persist} the routes stay while the sessions close).
 */
public final class BirdDaemon implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(BirdDaemon.class);
    /** BIRD's version as the control socket reports it: Calico's tools expect 1.6. */
    public static final String VERSION = "1.6.8";
    private static final Duration DEFAULT_RESTART_WAIT = Duration.ofSeconds(120);

    private final DaemonSettings settings;
    private final ConfigReader reader;
    private final Instant started;
    private final KernelWorker kernel;
    /** Replaced once, when a configuration without BGP protocols gains its first (see configure). */
    private final AtomicReference<BgpSpeaker> speakerRef = new AtomicReference<>();
    private final SpeakerOptions speakerOptions;
    private final ControlServer control;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile BirdConfig config;
    private volatile Instant reconfigured;

    private BirdDaemon(DaemonSettings settings, BirdConfig first) throws IOException {
        this.settings = settings;
        this.reader = new ConfigReader(settings.family());
        this.started = settings.clock().instant();
        this.reconfigured = started;
        this.config = first;
        IpFamily family = settings.family() == RouterFamily.IPV4 ? IpFamily.V4 : IpFamily.V6;
        LocalOrigination origination = new LocalOrigination(() -> Optional.ofNullable(speakerRef.get()));
        DirectRoutes direct = new DirectRoutes(new LinuxLinkOps(settings.commands()), new LinuxAddrOps(settings.commands()));
        this.kernel = new KernelWorker(
                protocol -> new KernelTableSync(new LinuxRouteOps(settings.commands()),
                        KernelSettings.of(protocol, settings.namespace(), family)),
                protocol -> direct.scan(protocol, settings.namespace(), family), settings.clock(),
                id -> Optional.ofNullable(speakerRef.get()).flatMap(s -> s.protocolName(id)),
                () -> Optional.ofNullable(speakerRef.get()).map(BgpSpeaker::peers).orElse(List.of()),
                new SyncGate(started, restartWait(first)), origination);
        this.speakerOptions = SpeakerOptions.defaults().withPolicies(new FilterPolicies(origination))
                .withBestPathListener(kernel::bestChanged).withRestartedLocally(settings.recovery());
        BgpSpeaker bgp = null;
        try {
            kernel.start(first);
            bgp = BgpSpeaker.start(first, speakerOptions);
            speakerRef.set(bgp);
            kernel.startTicking();
            this.control = ControlServer.start(settings.socket(), new DaemonControl(this), VERSION, settings.clock());
        } catch (IOException | RuntimeException e) {
            if (bgp != null) {
                bgp.close();
            }
            kernel.close();
            throw e;
        }
        LOG.info("tabby-bird {} up: {} protocols, control socket {}{}", VERSION, first.protocols().size(),
                settings.socket(), settings.recovery() ? ", graceful restart recovery" : "");
    }

    /**
     * Starts a daemon for the configuration in {@code settings.configFile()}.
     *
     * @throws BirdConfigException when the file is refused
     * @throws IllegalArgumentException when the configuration cannot run (no router id, ...)
     * @throws UncheckedIOException when the control socket cannot be made
     */
    public static BirdDaemon start(DaemonSettings settings) throws BirdConfigException {
        requireNonNull(settings, "settings is null");
        BirdConfig first = new ConfigReader(settings.family()).read(settings.configFile());
        if (first.routerId().isEmpty()) {
            throw new IllegalArgumentException(settings.configFile() + ": no router id; add 'router id A.B.C.D;'"
                    + " (tabby-bird does not pick one from the interfaces)");
        }
        try {
            return new BirdDaemon(settings, first);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on control socket " + settings.socket(), e);
        }
    }

    private static Duration restartWait(BirdConfig config) {
        return config.bgpProtocols().stream().filter(p -> p.gracefulRestart() == BgpProtocol.GracefulRestart.ON)
                .map(p -> Duration.ofSeconds(p.gracefulRestartTimeSeconds())).max(Duration::compareTo)
                .orElse(DEFAULT_RESTART_WAIT);
    }

    BirdConfig config() {
        return config;
    }

    BgpSpeaker speaker() {
        return speakerRef.get();
    }

    KernelWorker kernel() {
        return kernel;
    }

    Instant started() {
        return started;
    }

    Instant reconfigured() {
        return reconfigured;
    }

    /** {@code configure [check] ["file"]}: the running configuration changes only when all of the new one is accepted. */
    synchronized ConfigureOutcome configure(Optional<String> file, boolean checkOnly) {
        Path path = file.map(Path::of).orElse(settings.configFile());
        BirdConfig next;
        try {
            next = reader.read(path);
        } catch (BirdConfigException e) {
            LOG.warn("configure: {} refused: {}", path, e.getMessage());
            return new ConfigureOutcome.Failed(path.toString(), ConfigReader.describe(e));
        }
        if (checkOnly) {
            return new ConfigureOutcome.CheckedOk(path.toString());
        }
        try {
            if (config.bgpProtocols().isEmpty() && !next.bgpProtocols().isEmpty()) {
                startBgp(next);
            } else {
                var result = speakerRef.get().reconfigure(next);
                LOG.info("configure {}: unchanged {}, reloaded {}, restarted {}, added {}, removed {}", path,
                        result.unchanged(), result.reloaded(), result.restarted(), result.added(), result.removed());
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("configure: {} refused: {}", path, e.getMessage());
            return new ConfigureOutcome.Failed(path.toString(), path + ": " + e.getMessage());
        }
        kernel.reconfigure(next);
        config = next;
        reconfigured = settings.clock().instant();
        return new ConfigureOutcome.Reconfigured(path.toString());
    }

    /**
     * The first BGP protocols of a configuration that had none: a speaker started without them has
     * no local AS, cluster id or listening socket yet, so it is replaced by one started for
     * {@code next} (it had no sessions to lose). As with BIRD, a node whose first config names no
     * peer (the first node of a mesh) then accepts its peers' connections once confd adds them.
     */
    private void startBgp(BirdConfig next) {
        // The old speaker goes first: one whose protocols were all removed by an earlier configure
        // (a mesh switched off before its reflector peers arrive) still holds the BGP port.
        speakerRef.get().close();
        BgpSpeaker fresh;
        try {
            fresh = BgpSpeaker.start(next, speakerOptions);
        } catch (RuntimeException e) {
            speakerRef.set(BgpSpeaker.start(config, speakerOptions));
            throw e;
        }
        speakerRef.set(fresh);
        LOG.info("configure: first BGP protocols {}; the speaker now runs them", fresh.peers().size());
    }

    /** Blocks until the daemon has stopped ({@code down}, SIGTERM). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** The BGP protocols' states, read from the speaker running now (for health, metrics, status). */
    public List<PeerStatus> peers() {
        return speakerRef.get().peers();
    }

    /**
     * Routes per table, as {@code birdc show route count} and the kernel protocol see them:
     * {@code master} holds the best BGP routes learned from peers plus the static, direct and kernel
     * ones; {@code kernel} the routes the kernel protocol has installed.
     *
     * @throws IllegalStateException when the RIB cannot be read within {@code timeout}
     */
    public Map<String, Long> routesByTable(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        int bgp;
        try {
            bgp = speakerRef.get().inspectRib(rib -> {
                int[] count = {0};
                rib.forEachBest((prefix, best) -> count[0] += best.source().isLocal() ? 0 : 1);
                return count[0];
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the RIB", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the RIB within " + timeout + ": " + e, e);
        }
        TableSnapshot table = kernel.snapshot();
        long master = bgp + table.statics().size() + table.direct().size() + table.learned().size();
        return Map.of("master", master, "kernel", (long) table.exported());
    }

    /**
     * Stops: the kernel protocol first ({@code persist} keeps its routes, else they are removed), then
     * the sessions with Cease, then the control socket. Safe to call twice and from any thread.
     */
    @Override
    public void close() {
        stop(false);
    }

    /**
     * Stops for a graceful restart (RFC 4724), as a BIRD killed before {@code bird -R} would look to
     * its peers: the kernel protocol first ({@code persist} keeps its routes), then every connection
     * is closed without a NOTIFICATION, so peers keep this node's routes (stale) until the restarted
     * daemon re-sends them; then the control socket. Does nothing after {@link #close()} or a previous
     * call.
     */
    public void closeForRestart() {
        stop(true);
    }

    private void stop(boolean forRestart) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        LOG.info("tabby-bird shutting down{}", forRestart ? " for a graceful restart" : "");
        try {
            kernel.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("kernel protocol shutdown failed: {}", e.toString());
        }
        if (forRestart) {
            speakerRef.get().closeForRestart();
        } else {
            speakerRef.get().close();
        }
        try {
            control.close();
        } catch (IOException e) {
            LOG.warn("cannot close control socket {}: {}", settings.socket(), e.toString());
        }
        stopped.countDown();
    }

    boolean closing() {
        return closing.get();
    }
}
