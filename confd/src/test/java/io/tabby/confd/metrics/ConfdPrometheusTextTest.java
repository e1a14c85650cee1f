package io.tabby.confd.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.confd.functions.ConfdFunctions;
import io.tabby.confd.functions.HostContext;
import io.tabby.confd.functions.HostLookup;
import io.tabby.confd.processor.ConfdCounters;
import io.tabby.confd.processor.Outcome;
import io.tabby.confd.processor.ProcessSettings;
import io.tabby.confd.processor.ResourceProcessor;
import io.tabby.confd.render.FileSyncer;
import io.tabby.confd.render.TemplateRenderer;
import io.tabby.confd.resource.TemplateResource;
import io.tabby.confd.store.KvView;
import io.tabby.platform.testing.RecordingCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** confd's counters, driven through a real processor, written as Prometheus text. */
class ConfdPrometheusTextTest {
    @TempDir
    Path dir;

    @Test
    void rendersEveryFamilyWithHelpTypeAndOneSamplePerResource() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/v.ftl"), "v = ${getv(\"/v\")?number}\n");
        AtomicBoolean checkFails = new AtomicBoolean();
        RecordingCommandRunner runner = new RecordingCommandRunner();
        runner.reply(command -> command.argv().get(2).startsWith("check") && checkFails.get(), 1, "", "no");
        ConfdCounters counters = new ConfdCounters(InstantSource.fixed(Instant.ofEpochMilli(1_700_000_000_250L)));
        counters.of("never.toml");
        ResourceProcessor processor = new ResourceProcessor(
                new TemplateRenderer(dir.resolve("templates"),
                        new ConfdFunctions(new HostContext(Map.of(), InstantSource.system(), HostLookup.NONE))),
                new FileSyncer(), runner, ProcessSettings.DEFAULTS, counters);
        TemplateResource bird = new TemplateResource("bird.toml", "v.ftl", dir.resolve("v.conf"), "/", List.of("/v"),
                List.of("/v"), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.of("check {{.src}}"), Optional.of("reload"), false);

        assertThat(processor.process(bird, KvView.of(Map.of("/v", "1")))).isEqualTo(Outcome.UPDATED);
        assertThat(processor.process(bird, KvView.of(Map.of("/v", "1")))).isEqualTo(Outcome.UNCHANGED);
        assertThat(processor.process(bird, KvView.of(Map.of("/v", "not a number")))).isEqualTo(Outcome.RENDER_FAILED);
        checkFails.set(true);
        assertThat(processor.process(bird, KvView.of(Map.of("/v", "2")))).isEqualTo(Outcome.CHECK_FAILED);

        assertThat(ConfdPrometheusText.INSTANCE.render(counters)).isEqualTo("""
                # HELP tabby_confd_renders_total Template renders attempted, per template resource.
                # TYPE tabby_confd_renders_total counter
                tabby_confd_renders_total{resource="bird.toml"} 4
                tabby_confd_renders_total{resource="never.toml"} 0
                # HELP tabby_confd_render_errors_total Renders that failed (template error or bad data); \
                the file kept its last good content.
                # TYPE tabby_confd_render_errors_total counter
                tabby_confd_render_errors_total{resource="bird.toml"} 1
                tabby_confd_render_errors_total{resource="never.toml"} 0
                # HELP tabby_confd_check_failures_total Rendered files rejected by check_cmd; \
                the file kept its last good content.
                # TYPE tabby_confd_check_failures_total counter
                tabby_confd_check_failures_total{resource="bird.toml"} 1
                tabby_confd_check_failures_total{resource="never.toml"} 0
                # HELP tabby_confd_write_failures_total Stage files that could not be written or swapped in.
                # TYPE tabby_confd_write_failures_total counter
                tabby_confd_write_failures_total{resource="bird.toml"} 0
                tabby_confd_write_failures_total{resource="never.toml"} 0
                # HELP tabby_confd_updates_total Times the destination file was replaced.
                # TYPE tabby_confd_updates_total counter
                tabby_confd_updates_total{resource="bird.toml"} 1
                tabby_confd_updates_total{resource="never.toml"} 0
                # HELP tabby_confd_reloads_total reload_cmd runs that succeeded.
                # TYPE tabby_confd_reloads_total counter
                tabby_confd_reloads_total{resource="bird.toml"} 1
                tabby_confd_reloads_total{resource="never.toml"} 0
                # HELP tabby_confd_reload_failures_total reload_cmd runs that failed or timed out (retried).
                # TYPE tabby_confd_reload_failures_total counter
                tabby_confd_reload_failures_total{resource="bird.toml"} 0
                tabby_confd_reload_failures_total{resource="never.toml"} 0
                # HELP tabby_confd_last_success_timestamp_seconds Unix time of the last render that left \
                the file up to date.
                # TYPE tabby_confd_last_success_timestamp_seconds gauge
                tabby_confd_last_success_timestamp_seconds{resource="bird.toml"} 1700000000.250
                """);
    }

    @Test
    void labelValuesAndHelpAreEscapedAsTheFormatSays() {
        assertThat(ConfdPrometheusText.escapeLabel("a\\b\"c\nd")).isEqualTo("a\\\\b\\\"c\\nd");
        assertThat(ConfdPrometheusText.escapeHelp("a\\b\"c\nd")).isEqualTo("a\\\\b\"c\\nd");
        ConfdCounters counters = new ConfdCounters();
        counters.of("odd\"name.toml");

        assertThat(ConfdPrometheusText.INSTANCE.render(counters))
                .contains("tabby_confd_renders_total{resource=\"odd\\\"name.toml\"} 0\n")
                .doesNotContain("tabby_confd_last_success_timestamp_seconds{");
    }
}
