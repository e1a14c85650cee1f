package io.tabby.node.parts;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.ConfdService;
import io.tabby.confd.ConfdSettings;
import io.tabby.confd.RunMode;
import io.tabby.confd.functions.HostContext;
import io.tabby.confd.functions.SystemHostLookup;
import io.tabby.confd.metrics.ConfdPrometheusText;
import io.tabby.confd.processor.ConfdCounters;
import io.tabby.confd.processor.ResourceCounters;
import io.tabby.confd.resource.TemplateResource;
import io.tabby.datastore.backend.Backend;
import io.tabby.node.metrics.MetricSource;
import io.tabby.platform.exec.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * confd in watch mode on the node's confdir and etcd connection, as {@code tabby-confd -watch}
 * runs it: its templates see the node's {@code NODENAME}, its {@code check_cmd} and
 * {@code reload_cmd} run as commands ({@code birdc -s <socket> configure} reaches the in-JVM
 * bird-bridge through its control socket). Ready once every template resource has rendered and left
 * its file up to date (including a successful reload).
 */
public final class ConfdPart implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ConfdPart.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ConfdService service;

    private ConfdPart(ConfdService service) {
        this.service = service;
    }

    /**
     * Loads {@code confdDir}'s template resources and starts watching etcd.
     *
     * @throws io.tabby.confd.resource.TemplateResourceException when a template resource is wrong
     */
    public static ConfdPart start(Path confdDir, Backend backend, CommandRunner runner, Map<String, String> environment,
            String nodeName) {
        Map<String, String> env = new HashMap<>(requireNonNull(environment, "environment is null"));
        env.put("NODENAME", requireNonNull(nodeName, "nodeName is null"));
        HostContext host = new HostContext(env, InstantSource.system(), new SystemHostLookup());
        ConfdService service = new ConfdService(ConfdSettings.of(confdDir, RunMode.WATCH), backend, host, runner);
        service.start();
        LOG.info("confd watching etcd for {} template resources in {}", service.resources().all().size(), confdDir);
        return new ConfdPart(service);
    }

    /** Whether a template resource writes {@code file}. */
    public boolean renders(Path file) {
        return service.resources().all().stream().anyMatch(resource -> resource.dest().equals(file));
    }

    /**
     * Waits until every template resource has rendered once and each of {@code files} exists (the
     * first full render: a file whose check failed because a file it includes was not there yet, and
     * a reload that failed because its daemon is not up yet, are retried by confd).
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitFirstRender(List<Path> files, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (files.stream().allMatch(Files::exists)
                    && notRendered(service.counters(), resourceNames(), ResourceCounters::renders).isEmpty()) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    /** Why confd is not ready (the resources not yet rendered and reloaded), or empty when it is. */
    public Optional<String> notReady() {
        List<String> missing = notRendered(service.counters(), resourceNames(),
                counters -> counters.lastSuccess().isPresent() ? 1 : 0);
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("not yet rendered and reloaded: " + String.join(", ", missing));
    }

    /** Resources whose {@code progress} is still 0. */
    static List<String> notRendered(ConfdCounters counters, List<String> names,
            ToLongFunction<ResourceCounters> progress) {
        return names.stream().filter(name -> progress.applyAsLong(counters.of(name)) == 0).toList();
    }

    private List<String> resourceNames() {
        return service.resources().all().stream().map(TemplateResource::name).sorted().toList();
    }

    /** confd's renders, check and reload failures, for {@code /metrics}. */
    public MetricSource metrics() {
        return () -> ConfdPrometheusText.INSTANCE.render(service.counters());
    }

    @Override
    public void close() {
        service.close();
        LOG.info("confd stopped; rendered files stay as they are");
    }
}
