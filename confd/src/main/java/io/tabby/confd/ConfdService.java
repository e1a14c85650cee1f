package io.tabby.confd;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.functions.ConfdFunctions;
import io.tabby.confd.functions.HostContext;
import io.tabby.confd.processor.ConfdCounters;
import io.tabby.confd.processor.IntervalProcessor;
import io.tabby.confd.processor.OneTimeProcessor;
import io.tabby.confd.processor.Outcome;
import io.tabby.confd.processor.ResourceProcessor;
import io.tabby.confd.processor.ResourceSet;
import io.tabby.confd.processor.WatchProcessor;
import io.tabby.confd.render.FileSyncer;
import io.tabby.confd.render.TemplateRenderer;
import io.tabby.confd.resource.TemplateResourceLoader;
import io.tabby.confd.resource.TemplateResourceParser;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.syncer.ExecutorScheduler;
import io.tabby.datastore.syncer.Syncer;
import io.tabby.datastore.syncer.SyncerCallbacks;
import io.tabby.datastore.syncer.SyncerSettings;
import io.tabby.platform.exec.CommandRunner;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One confd: loads the template resources, follows their keys with a {@link Syncer} and runs them
 * in the configured mode. The backend belongs to the caller. Wiring only: the work is in
 * {@code io.tabby.confd.processor}.
 */
public final class ConfdService implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ConfdService.class);

    private final ConfdSettings settings;
    private final Backend backend;
    private final ResourceSet resources;
    private final ResourceProcessor processor;
    private final ConfdCounters counters;
    private final ExecutorService owner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("confd-processor").daemon(true).factory());
    private final ExecutorScheduler scheduler = new ExecutorScheduler("confd-timer");
    private final HostContext host;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Syncer syncer;
    private WatchProcessor watch;
    private IntervalProcessor interval;

    /**
     * @throws io.tabby.confd.resource.TemplateResourceException when a template resource is wrong
     */
    public ConfdService(ConfdSettings settings, Backend backend, HostContext host, CommandRunner commands) {
        this.settings = requireNonNull(settings, "settings is null");
        this.backend = requireNonNull(backend, "backend is null");
        this.host = requireNonNull(host, "host is null");
        var parser = new TemplateResourceParser(settings.prefix(), host.environment());
        this.resources = new ResourceSet(new TemplateResourceLoader(parser).load(settings.confdir()));
        this.counters = new ConfdCounters(host.clock());
        // every resource's series exists from the start, at zero, as Prometheus expects
        resources.all().forEach(resource -> counters.of(resource.name()));
        var renderer = new TemplateRenderer(TemplateResourceLoader.templateDir(settings.confdir()),
                new ConfdFunctions(host));
        this.processor = new ResourceProcessor(renderer, new FileSyncer(), requireNonNull(commands, "commands is null"),
                settings.process(), counters);
    }

    /** confd's metrics; {@link io.tabby.confd.metrics.ConfdPrometheusText} renders them. */
    public ConfdCounters counters() {
        return counters;
    }

    public ResourceSet resources() {
        return resources;
    }

    /**
     * {@code -onetime}: reads etcd, processes every resource once.
     *
     * @return each resource's outcome
     * @throws TimeoutException when etcd could not be read within the settings' sync timeout
     */
    public Map<String, Outcome> runOnce() throws InterruptedException, TimeoutException {
        var oneTime = new OneTimeProcessor(resources, processor, owner);
        startSyncer(oneTime.feed());
        try {
            return oneTime.await(settings.syncTimeout());
        } finally {
            close();
        }
    }

    /** Starts watch or interval mode; runs until {@link #close}. */
    public void start() {
        switch (settings.mode()) {
            case WATCH -> {
                watch = new WatchProcessor(resources, processor, settings.debounce(), host.clock(), scheduler, owner);
                startSyncer(watch.feed());
            }
            case INTERVAL -> {
                interval = new IntervalProcessor(resources, processor, settings.interval(), scheduler, owner);
                startSyncer(interval.feed());
            }
            case ONETIME -> throw new IllegalStateException("-onetime runs through runOnce(), not start()");
        }
    }

    private void startSyncer(SyncerCallbacks callbacks) {
        syncer = new Syncer(backend, resources.keyPrefixes(), callbacks, SyncerSettings.DEFAULTS);
        LOG.info("following {} for {} template resources", resources.keyPrefixes(), resources.all().size());
        syncer.start();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (syncer != null) {
            syncer.close();
        }
        owner.execute(() -> {
            if (watch != null) {
                watch.stop();
            }
            if (interval != null) {
                interval.stop();
            }
        });
        scheduler.close();
        owner.shutdown();
        try {
            if (!owner.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the confd processor did not finish within 10 s; interrupting it");
                owner.shutdownNow();
            }
        } catch (InterruptedException e) {
            owner.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
