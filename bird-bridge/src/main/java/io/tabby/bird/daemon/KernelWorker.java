package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdProtocol;
import io.tabby.bird.config.DeviceProtocol;
import io.tabby.bird.config.DirectProtocol;
import io.tabby.bird.config.KernelProtocol;
import io.tabby.bird.config.StaticProtocol;
import io.tabby.bird.filter.RouteFilterEngine;
import io.tabby.bird.kernel.KernelExport;
import io.tabby.bird.kernel.KernelExport.KernelChange;
import io.tabby.bird.kernel.KernelRoute;
import io.tabby.bird.kernel.OriginRoute;
import io.tabby.bird.kernel.StaticRoutes;
import io.tabby.bird.rib.Route;
import io.tabby.bird.speaker.PeerStatus;
import io.tabby.platform.net.IpPrefix;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The kernel thread: the daemon's table of local routes (static, direct, learned kernel routes) and
 * best BGP routes, and the kernel protocol that programs the best of them. Every {@code ip} command
 * runs here; the RIB thread only queues best-path changes ({@link #bestChanged}), which are applied
 * in batches. A one-second tick runs the {@code scan time} passes and the {@link SyncGate}.
 */
final class KernelWorker implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(KernelWorker.class);

    /** Makes the kernel protocol's table sync (reads the table once: do it on this thread). */
    interface KernelFactory {
        KernelExport open(KernelProtocol protocol);
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bird-kernel").daemon(true).factory());
    private final KernelFactory kernels;
    private final Function<DirectProtocol, List<OriginRoute>> directScanner;
    private final Clock clock;
    private final IntFunction<Optional<String>> protocolNames;
    private final Supplier<List<PeerStatus>> peers;
    private final SyncGate gate;
    private final LocalOrigination origination;

    // Kernel-thread state.
    private final RouteTable table = new RouteTable();
    private final Map<IpPrefix, KernelRoute> programmed = new HashMap<>();
    private final Set<IpPrefix> dirty = new LinkedHashSet<>();
    private boolean flushQueued;
    private BirdConfig config;
    private KernelExport kernel;
    private KernelProgram program;
    private Instant nextKernelScan;
    private Instant nextDeviceScan;

    private volatile TableSnapshot snapshot = TableSnapshot.EMPTY;

    KernelWorker(KernelFactory kernels, Function<DirectProtocol, List<OriginRoute>> directScanner, Clock clock,
            IntFunction<Optional<String>> protocolNames, Supplier<List<PeerStatus>> peers, SyncGate gate,
            LocalOrigination origination) {
        this.kernels = requireNonNull(kernels, "kernels is null");
        this.directScanner = requireNonNull(directScanner, "directScanner is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.protocolNames = requireNonNull(protocolNames, "protocolNames is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.origination = requireNonNull(origination, "origination is null");
    }

    /** Opens the kernel table and installs the local routes of {@code first}. */
    void start(BirdConfig first) {
        await(() -> {
            apply(first);
            return null;
        });
    }

    /**
     * Starts the one-second tick (scans, sync gate). Called once the speaker runs: before that there
     * are no peers to wait for, and the gate would open at once.
     */
    void startTicking() {
        thread.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** From the RIB thread: queued, never waits. */
    void bestChanged(io.tabby.bird.wire.Prefix prefix, Route best) {
        if (thread.isShutdown()) {
            return; // shutting down: the kernel keeps what it has (persist) or was cleared already
        }
        execute(() -> {
            IpPrefix destination = destination(prefix);
            Optional<Candidate> candidate = best == null || best.source().isLocal() ? Optional.empty()
                    : BgpCandidates.of(best, protocolNames.apply(best.source().id()).orElse("bgp"));
            table.putBgp(destination, candidate);
            markDirty(destination);
        });
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("kernel thread stopped; change dropped");
        }
    }

    /** Applies a new configuration: filters, kernel protocol, static and direct routes. Waits. */
    void reconfigure(BirdConfig next) {
        await(() -> {
            apply(next);
            return null;
        });
    }

    /** What {@code show route} lists besides BGP, and the kernel protocol's counts. */
    TableSnapshot snapshot() {
        return snapshot;
    }

    /** Ends the kernel protocol as {@code persist} says, and stops the thread. */
    void shutdown() {
        await(() -> {
            if (kernel != null) {
                kernel.shutdown();
            }
            return null;
        });
        close();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void apply(BirdConfig next) {
        config = next;
        RouteFilterEngine filters = new RouteFilterEngine(next);
        Optional<KernelProtocol> kernelProtocol = protocols(next, KernelProtocol.class).stream().findFirst();
        program = kernelProtocol.map(p -> new KernelProgram(p, filters)).orElse(null);
        if (kernelProtocol.isPresent() && kernel == null) {
            kernel = kernels.open(kernelProtocol.get());
        } else if (kernelProtocol.isEmpty() && kernel != null) {
            kernel.shutdown();
            kernel = null;
            programmed.clear();
        }
        Map<IpPrefix, Candidate> nextStatics = new LinkedHashMap<>();
        for (StaticProtocol protocol : protocols(next, StaticProtocol.class)) {
            StaticRoutes.of(protocol).forEach(r -> nextStatics.putIfAbsent(r.route().destination(),
                    Candidate.of(r, Candidate.Kind.STATIC)));
        }
        table.replaceStatics(nextStatics).forEach(this::markDirty);
        Instant now = clock.instant();
        nextKernelScan = now;
        nextDeviceScan = now;
        scanDirect();
        dirty.addAll(programmed.keySet());
        dirty.addAll(table.prefixes());
        flush();
    }

    private void syncKernel() {
        try {
            flush();
            LOG.info("routes re-learned: removing kernel routes of the previous run that nobody re-announced");
            kernel.synced();
        } catch (RuntimeException e) {
            LOG.warn("kernel sync failed: {}", e.toString());
        }
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            if (kernel != null && !now.isBefore(nextKernelScan)) {
                scanKernel();
                nextKernelScan = now.plusSeconds(scanTime(KernelProtocol.class));
            }
            if (!now.isBefore(nextDeviceScan)) {
                scanDirect();
                nextDeviceScan = now.plusSeconds(scanTime(DeviceProtocol.class));
            }
            flush();
            if (kernel != null && gate.shouldSync(now, peers.get())) {
                // Queued behind the best-route changes the RIB handed over before its End-of-RIB marks.
                execute(this::syncKernel);
            }
        } catch (RuntimeException e) {
            LOG.warn("kernel scan failed; retrying at the next tick: {}", e.toString());
        }
    }

    private void scanKernel() {
        String name = protocols(config, KernelProtocol.class).getFirst().name();
        Map<IpPrefix, Candidate> next = new LinkedHashMap<>();
        for (KernelRoute route : kernel.scan()) {
            next.putIfAbsent(route.destination(), Candidate.of(
                    new OriginRoute(name, OriginRoute.KERNEL_PREFERENCE, route), Candidate.Kind.KERNEL));
        }
        table.replaceLearned(next).forEach(this::markDirty);
    }

    private void scanDirect() {
        Map<IpPrefix, Candidate> next = new LinkedHashMap<>();
        for (DirectProtocol protocol : protocols(config, DirectProtocol.class)) {
            directScanner.apply(protocol).forEach(r -> next.putIfAbsent(r.route().destination(),
                    Candidate.of(r, Candidate.Kind.DIRECT)));
        }
        table.replaceDirect(next).forEach(this::markDirty);
    }

    private void markDirty(IpPrefix prefix) {
        dirty.add(prefix);
        if (!flushQueued) {
            flushQueued = true;
            execute(this::flush);
        }
    }

    private void flush() {
        flushQueued = false;
        List<KernelChange> changes = new ArrayList<>();
        for (IpPrefix prefix : dirty) {
            Optional<KernelRoute> wanted = program == null ? Optional.empty() : program.program(table.candidates(prefix));
            KernelRoute old = programmed.get(prefix);
            if (wanted.isPresent() && !wanted.get().equals(old)) {
                programmed.put(prefix, wanted.get());
                changes.add(new KernelChange.Install(wanted.get()));
            } else if (wanted.isEmpty() && old != null) {
                programmed.remove(prefix);
                changes.add(new KernelChange.Remove(prefix));
            }
        }
        dirty.clear();
        if (kernel != null && !changes.isEmpty()) {
            kernel.apply(changes);
        }
        snapshot = table.snapshot(programmed.size());
        origination.update(snapshot.direct(), snapshot.learned(), staticPrefixes());
    }

    private Set<IpPrefix> staticPrefixes() {
        Set<IpPrefix> out = new LinkedHashSet<>();
        snapshot.statics().forEach(c -> out.add(c.route().destination()));
        return out;
    }

    private int scanTime(Class<? extends BirdProtocol> type) {
        return protocols(config, type).stream().mapToInt(p -> switch (p) {
            case KernelProtocol k -> k.scanTimeSeconds();
            case DeviceProtocol d -> d.scanTimeSeconds();
            case io.tabby.bird.config.BgpProtocol b -> 60;
            case StaticProtocol s -> 60;
            case DirectProtocol d -> 60;
        }).filter(s -> s > 0).min().orElse(60);
    }

    static <T extends BirdProtocol> List<T> protocols(BirdConfig config, Class<T> type) {
        return config.protocols().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static IpPrefix destination(io.tabby.bird.wire.Prefix prefix) {
        var net = io.tabby.bird.filter.BgpRouteView.net(prefix);
        return new IpPrefix(net.address(), net.length());
    }

    private <T> T await(java.util.concurrent.Callable<T> task) {
        try {
            return thread.submit(task).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the kernel thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("kernel thread failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the kernel thread did not answer within 60 s", e);
        }
    }
}
