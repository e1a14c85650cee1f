package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.render.FileSyncer;
import io.tabby.confd.render.RenderException;
import io.tabby.confd.render.StagedFile;
import io.tabby.confd.render.TemplateRenderer;
import io.tabby.confd.resource.TemplateResource;
import io.tabby.confd.store.KvView;
import io.tabby.platform.exec.CommandRunner;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Processes one template resource the way confd does: render, stage beside the destination,
 * compare, and only if something changed run the check on the staged file, rename it over the
 * destination and run the reload. A failed check leaves the last good file in place. Owned by one
 * thread (it remembers which resources still owe a reload).
 */
public final class ResourceProcessor {
    private static final Logger LOG = LogManager.getLogger(ResourceProcessor.class);
    /**
     * Reload failures in a row of one resource from which on each is logged as an error, not a
     * warning: with the watch's backoff (250 ms doubling) the fifth comes about 4 s after the first,
     * longer than a daemon started beside confd takes to open its control socket.
     */
    static final int RELOAD_FAILURES_BEFORE_ERROR = 5;
    private static final Pattern SRC = Pattern.compile("\\{\\{\\s*\\.src\\s*}}");

    private final TemplateRenderer renderer;
    private final FileSyncer files;
    private final ShellCommands commands;
    private final ProcessSettings settings;
    private final ConfdCounters counters;
    /**
     * Resources whose file was replaced but whose reload failed, with how many reloads in a row
     * failed: the next pass reloads even if unchanged.
     */
    private final Map<String, Integer> reloadOwed = new HashMap<>();

    public ResourceProcessor(TemplateRenderer renderer, FileSyncer files, CommandRunner commands,
            ProcessSettings settings, ConfdCounters counters) {
        this.renderer = requireNonNull(renderer, "renderer is null");
        this.files = requireNonNull(files, "files is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.commands = new ShellCommands(requireNonNull(commands, "commands is null"), settings.commandTimeout());
        this.counters = requireNonNull(counters, "counters is null");
    }

    public ConfdCounters counters() {
        return counters;
    }

    /** Renders {@code resource} from {@code view} and brings its destination up to date. */
    public Outcome process(TemplateResource resource, KvView view) {
        return process(resource, view, false);
    }

    /**
     * As {@link #process(TemplateResource, KvView)}; with {@code retryLater} a failing check is only
     * noted (not logged as an error, not counted): the caller processes the resource again once the
     * other resources of its pass are written, because a check often reads files they write.
     */
    Outcome process(TemplateResource resource, KvView view, boolean retryLater) {
        ResourceCounters count = counters.of(resource.name());
        count.renders.incrementAndGet();
        String content;
        try {
            content = renderer.render(resource.src(), view);
        } catch (RenderException e) {
            count.renderFailures.incrementAndGet();
            LOG.error("{}: cannot render template {}; {} keeps its last good content", resource.name(),
                    e.getMessage(), resource.dest());
            return Outcome.RENDER_FAILED;
        }
        StagedFile staged;
        try {
            staged = files.stage(resource, content);
        } catch (IOException | RuntimeException e) {
            count.writeFailures.incrementAndGet();
            LOG.error("{}: cannot write a stage file beside {}: {}", resource.name(), resource.dest(), e.toString());
            return Outcome.WRITE_FAILED;
        }
        boolean keep = settings.keepStageFile() || resource.keepStageFile();
        try {
            Outcome outcome = sync(resource, staged, content, count, retryLater);
            if (!outcome.failed()) {
                count.markSuccess();
            }
            return outcome;
        } catch (IOException | RuntimeException e) {
            count.writeFailures.incrementAndGet();
            LOG.error("{}: cannot update {}: {}", resource.name(), resource.dest(), e.toString());
            return Outcome.WRITE_FAILED;
        } finally {
            if (!keep) {
                files.discard(staged);
            }
        }
    }

    private Outcome sync(TemplateResource resource, StagedFile staged, String content, ResourceCounters count,
            boolean retryLater) throws IOException {
        if (files.matchesDestination(staged)) {
            LOG.debug("{}: {} in sync", resource.name(), resource.dest());
            if (reloadOwed.containsKey(resource.name()) && !settings.noop()) {
                return reload(resource, count);
            }
            return Outcome.UNCHANGED;
        }
        boolean runCommands = !settings.syncOnly();
        if (runCommands && resource.checkCmd().isPresent() && !check(resource, staged, content, count, retryLater)) {
            return Outcome.CHECK_FAILED;
        }
        if (settings.noop()) {
            LOG.warn("{}: noop mode; {} would change but is left as it is", resource.name(), resource.dest());
            return Outcome.WOULD_UPDATE;
        }
        files.swap(staged);
        count.updates.incrementAndGet();
        LOG.info("{}: {} updated", resource.name(), resource.dest());
        return runCommands ? reload(resource, count) : Outcome.UPDATED;
    }

    private boolean check(TemplateResource resource, StagedFile staged, String content, ResourceCounters count,
            boolean retryLater) {
        String command = SRC.matcher(resource.checkCmd().orElseThrow())
                .replaceAll(Matcher.quoteReplacement(staged.path().toString()));
        Optional<String> failure = commands.failure(command);
        if (failure.isEmpty()) {
            return true;
        }
        if (retryLater) {
            LOG.info("{}: check_cmd rejected the new {} for now; trying again after this pass's other files. {}",
                    resource.name(), resource.dest(), failure.get());
            return false;
        }
        count.checkFailures.incrementAndGet();
        String where = RejectedLine.find(staged.path(), resource.dest(), failure.get(), content)
                .map(line -> " at " + line).orElse("");
        LOG.error("{}: check_cmd rejected the new {} rendered from template {}{}; keeping the last good file. `{}` {}",
                resource.name(), resource.dest(), resource.src(), where, command, failure.get());
        return false;
    }

    private Outcome reload(TemplateResource resource, ResourceCounters count) {
        if (resource.reloadCmd().isEmpty()) {
            reloadOwed.remove(resource.name());
            return Outcome.UPDATED;
        }
        String command = resource.reloadCmd().get();
        Optional<String> failure = commands.failure(command);
        if (failure.isPresent()) {
            count.reloadFailures.incrementAndGet();
            int inARow = reloadOwed.merge(resource.name(), 1, Integer::sum);
            // the daemon being reloaded often starts after confd's first render: a lone failure is
            // expected then and retried, a failure that keeps coming back is an error
            LOG.log(inARow >= RELOAD_FAILURES_BEFORE_ERROR ? Level.ERROR : Level.WARN,
                    "{}: reload_cmd failed after {} was updated ({} in a row); it will be retried. `{}` {}",
                    resource.name(), resource.dest(), inARow, command, failure.get());
            return Outcome.RELOAD_FAILED;
        }
        reloadOwed.remove(resource.name());
        count.reloads.incrementAndGet();
        LOG.debug("{}: reloaded with `{}`", resource.name(), command);
        return Outcome.UPDATED;
    }
}
