package io.tabby.node.parts;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.BirdConfigException;
import io.tabby.bird.config.RouterFamily;
import io.tabby.confd.resource.TemplateResourceException;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.node.health.HealthChecks;
import io.tabby.node.metrics.MetricRegistry;
import io.tabby.node.metrics.NodeMetrics;
import io.tabby.node.startup.StartupException;
import io.tabby.platform.exec.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The parts {@link PartsSettings} asks for, started in calico/node's order (felix, then confd's first
 * full render, then bird-bridge on the rendered bird.cfg, and on bird6.cfg too when the confdir
 * renders one) and stopped in reverse so that nothing is
 * lost: felix keeps its routes and rules, confd its files, bird-bridge stops for a graceful restart.
 * Each planned part is a readiness component from the start ({@code starting} until it runs).
 */
public final class NodeParts implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(NodeParts.class);
    /** How long start-up waits for confd's first render of bird.cfg. */
    static final Duration FIRST_RENDER_WAIT = Duration.ofSeconds(60);
    private static final Duration SAMPLE_PERIOD = Duration.ofSeconds(1);

    private final PartsSettings settings;
    private final String nodeName;
    private volatile FelixPart felix;
    private volatile ConfdPart confd;
    private volatile BirdPart bird;
    private ScheduledExecutorService sampler;
    private SyncStatus lastStatus;

    /** Plans the parts and registers their readiness components; nothing runs before {@link #start}. */
    public NodeParts(PartsSettings settings, String nodeName, HealthChecks health) {
        this.settings = requireNonNull(settings, "settings is null");
        this.nodeName = requireNonNull(nodeName, "nodeName is null");
        requireNonNull(health, "health is null");
        if (settings.runsFelix()) {
            health.register(new PartCheck("felix", () -> ask(felix, FelixPart::notReady)));
        }
        if (settings.runsBgp()) {
            health.register(new PartCheck("confd", () -> ask(confd, ConfdPart::notReady)));
            health.register(new PartCheck("bird", () -> ask(bird, BirdPart::notReady)));
        }
    }

    private static <P> Optional<String> ask(P part, Function<P, Optional<String>> notReady) {
        return part == null ? Optional.of("starting") : notReady.apply(part);
    }

    /** BGP sessions by state, for {@code /metrics}; empty while bird-bridge does not run. */
    public Map<String, Long> bgpSessionsByState() {
        BirdPart running = bird;
        return running == null ? Map.of() : running.sessionsByState();
    }

    /** Routes by table, for {@code /metrics}; empty while bird-bridge does not run. */
    public Map<String, Long> routesByTable() {
        BirdPart running = bird;
        return running == null ? Map.of() : running.routesByTable();
    }

    /**
     * Starts the planned parts in order on {@code backend}.
     *
     * @throws StartupException naming the part that could not start and why
     */
    public void start(Backend backend, CommandRunner runner, Map<String, String> environment, MetricRegistry registry,
            NodeMetrics metrics) throws InterruptedException {
        requireNonNull(backend, "backend is null");
        requireNonNull(runner, "runner is null");
        if (settings.felix().isPresent()) {
            felix = FelixPart.start(backend, settings.felix().get(), runner);
            felix.reportTo(metrics);
            registry.addSource(felix.metrics());
            sampleSyncer(metrics);
        }
        if (settings.runsBgp()) {
            startBgp(backend, runner, environment, registry);
        }
        LOG.info("tabby-node {} runs{}{}", nodeName, settings.runsFelix() ? " felix" : "",
                settings.runsBgp() ? " confd bird-bridge" : "");
    }

    private void startBgp(Backend backend, CommandRunner runner, Map<String, String> environment,
            MetricRegistry registry) throws InterruptedException {
        try {
            confd = ConfdPart.start(settings.confdDir(), backend, runner, environment, nodeName);
        } catch (TemplateResourceException e) {
            throw new StartupException("confd cannot load the template resources in " + settings.confdDir() + ": "
                    + e.getMessage() + "; set TABBY_CONFD_DIR to a directory with conf.d/ and templates/", e);
        }
        registry.addSource(confd.metrics());
        List<BirdPart.Daemon> daemons = new ArrayList<>(List.of(
                new BirdPart.Daemon(RouterFamily.IPV4, settings.birdConfig(), settings.birdSocket())));
        if (confd.renders(settings.bird6Config())) {
            daemons.add(new BirdPart.Daemon(RouterFamily.IPV6, settings.bird6Config(), settings.bird6Socket()));
        }
        List<Path> files = daemons.stream().map(BirdPart.Daemon::config).toList();
        if (!confd.awaitFirstRender(files, FIRST_RENDER_WAIT)) {
            throw new StartupException("confd did not render every template resource and " + files + " within "
                    + FIRST_RENDER_WAIT.toSeconds() + "s; check that bird.toml's dest is TABBY_BIRD_CONFIG (and"
                    + " bird6.toml's TABBY_BIRD6_CONFIG) and the confd log lines above");
        }
        try {
            bird = BirdPart.start(daemons, runner, backend, nodeName);
        } catch (BirdConfigException | IllegalArgumentException e) {
            throw new StartupException("bird-bridge refused its configuration: " + e.getMessage(), e);
        }
    }

    /** Keeps the syncer gauges current from felix's syncer; a fall out of sync counts as a resync. */
    private void sampleSyncer(NodeMetrics metrics) {
        sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("syncer-sampler").daemon(true).factory());
        Supplier<SyncStatus> status = () -> felix.syncStatus();
        sampler.scheduleWithFixedDelay(() -> {
            SyncStatus now = status.get();
            metrics.syncerInSync(now == SyncStatus.IN_SYNC);
            if (now != SyncStatus.IN_SYNC && (lastStatus == null || lastStatus == SyncStatus.IN_SYNC)) {
                metrics.syncerResynced();
            }
            lastStatus = now;
        }, 0, SAMPLE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops felix (keeping the dataplane), confd (keeping its files), then bird-bridge for a graceful restart. */
    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        if (felix != null) {
            felix.close();
        }
        if (confd != null) {
            confd.close();
        }
        if (bird != null) {
            bird.closeForRestart();
        }
    }
}
