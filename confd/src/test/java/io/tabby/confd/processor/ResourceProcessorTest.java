package io.tabby.confd.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.confd.resource.TemplateResource;
import io.tabby.confd.store.KvView;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandTimeoutException;
import io.tabby.platform.exec.ProcessCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processing one resource with a fake command runner: confd's stage, check, swap, reload rules. */
class ResourceProcessorTest {
    private static final KvView V1 = KvView.of(Map.of("/app/port", "80"));
    private static final KvView V2 = KvView.of(Map.of("/app/port", "8080"));

    @TempDir
    Path dir;
    private ProcessorFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ProcessorFixture(dir);
    }

    @Test
    void firstRenderChecksTheStagedFileSwapsAndReloads() throws Exception {
        Outcome outcome = fixture.processor(ProcessSettings.DEFAULTS).process(fixture.resource(), V1);

        assertThat(outcome).isEqualTo(Outcome.UPDATED);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        assertThat(Files.getAttribute(fixture.dest, "unix:mode")).matches(m -> ((Integer) m & 07777) == 0640);
        assertThat(fixture.shellLines()).hasSize(2);
        String check = fixture.shellLines().get(0);
        assertThat(check).startsWith("check " + fixture.dest.getParent() + "/.app.conf");
        assertThat(fixture.shellLines().get(1)).isEqualTo(ProcessorFixture.RELOAD);
        assertThat(fixture.commands.commands()).as("each runs with the configured command timeout")
                .allSatisfy(c -> assertThat(c.timeout()).isEqualTo(ProcessSettings.DEFAULTS.commandTimeout()));
        assertThat(fixture.leftovers()).as("the stage file was renamed into place").isEmpty();
        assertThat(fixture.counters.of("app.toml").reloads()).isEqualTo(1);
    }

    @Test
    void identicalOutputChecksAndReloadsNothing() throws Exception {
        ResourceProcessor processor = fixture.processor(ProcessSettings.DEFAULTS);
        processor.process(fixture.resource(), V1);

        Outcome outcome = processor.process(fixture.resource(), KvView.of(Map.of("/app/port", "80")));

        assertThat(outcome).isEqualTo(Outcome.UNCHANGED);
        assertThat(fixture.shellLines()).hasSize(2);
        assertThat(fixture.leftovers()).isEmpty();
        assertThat(fixture.counters.of("app.toml").renders()).isEqualTo(2);
    }

    @Test
    void failedCheckKeepsTheLastGoodFileAndIsCounted() throws Exception {
        ResourceProcessor processor = fixture.processor(ProcessSettings.DEFAULTS);
        processor.process(fixture.resource(), V1);
        fixture.failWhen(command -> command.startsWith("check"));

        Outcome outcome = processor.process(fixture.resource(), V2);

        assertThat(outcome).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        assertThat(fixture.count(ProcessorFixture.RELOAD)).isEqualTo(1);
        assertThat(fixture.counters.of("app.toml").checkFailures()).isEqualTo(1);
        assertThat(fixture.leftovers()).isEmpty();
    }

    @Test
    void modeChangeAloneCountsAsAChange() throws Exception {
        ResourceProcessor processor = fixture.processor(ProcessSettings.DEFAULTS);
        processor.process(fixture.resource(), V1);
        Files.setAttribute(fixture.dest, "unix:mode", 0600);

        assertThat(processor.process(fixture.resource(), V1)).isEqualTo(Outcome.UPDATED);
        assertThat(Files.getAttribute(fixture.dest, "unix:mode")).matches(m -> ((Integer) m & 07777) == 0640);
    }

    @Test
    void noopRendersAndChecksButNeverSwapsOrReloads() throws Exception {
        fixture.processor(ProcessSettings.DEFAULTS).process(fixture.resource(), V1);
        ResourceProcessor noop = fixture.processor(new ProcessSettings(true, false, false,
                ProcessSettings.DEFAULTS.commandTimeout()));

        Outcome outcome = noop.process(fixture.resource(), V2);

        assertThat(outcome).isEqualTo(Outcome.WOULD_UPDATE);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        assertThat(fixture.count("check")).isEqualTo(2);
        assertThat(fixture.count(ProcessorFixture.RELOAD)).isEqualTo(1);
        assertThat(fixture.leftovers()).isEmpty();
    }

    @Test
    void syncOnlySwapsWithoutCheckOrReload() throws Exception {
        ResourceProcessor syncOnly = fixture.processor(new ProcessSettings(false, true, false,
                ProcessSettings.DEFAULTS.commandTimeout()));
        fixture.failWhen(command -> true);

        Outcome outcome = syncOnly.process(fixture.resource(), V2);

        assertThat(outcome).isEqualTo(Outcome.UPDATED);
        assertThat(fixture.destContent()).isEqualTo("port = 8080\n");
        assertThat(fixture.shellLines()).isEmpty();
    }

    @Test
    void renderErrorKeepsTheFileAndIsCounted() throws Exception {
        ResourceProcessor processor = fixture.processor(ProcessSettings.DEFAULTS);
        processor.process(fixture.resource(), V1);
        Files.writeString(dir.resolve("templates/app.ftl"), "ok\n${json(getv(\"/app/port\")).x}\n");

        Outcome outcome = processor.process(fixture.resource(), KvView.of(Map.of("/app/port", "{bad")));

        assertThat(outcome).isEqualTo(Outcome.RENDER_FAILED);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        assertThat(fixture.counters.of("app.toml").renderFailures()).isEqualTo(1);
        assertThat(fixture.leftovers()).isEmpty();
    }

    @Test
    void failedReloadIsRetriedEvenWhenTheFileIsUnchanged() throws Exception {
        ResourceProcessor processor = fixture.processor(ProcessSettings.DEFAULTS);
        fixture.failWhen(command -> command.equals(ProcessorFixture.RELOAD));
        assertThat(processor.process(fixture.resource(), V1)).isEqualTo(Outcome.RELOAD_FAILED);
        fixture.failWhen(command -> false);

        assertThat(processor.process(fixture.resource(), V1)).isEqualTo(Outcome.UPDATED);
        assertThat(processor.process(fixture.resource(), V1)).isEqualTo(Outcome.UNCHANGED);
        assertThat(fixture.count(ProcessorFixture.RELOAD)).isEqualTo(2);
        assertThat(fixture.count("check")).isEqualTo(1);
    }

    @Test
    void keepStageFileLeavesTheUnusedStageFile() throws Exception {
        ResourceProcessor keeping = fixture.processor(new ProcessSettings(false, false, true,
                ProcessSettings.DEFAULTS.commandTimeout()));
        keeping.process(fixture.resource(), V1);

        keeping.process(fixture.resource(), V1);

        assertThat(fixture.leftovers()).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).startsWith(".app.conf"))
                .satisfies(p -> assertThat(Files.readString(p)).isEqualTo("port = 80\n"));
    }

    @Test
    void aCheckThatTimesOutIsAFailedCheck() throws Exception {
        fixture.processor(ProcessSettings.DEFAULTS).process(fixture.resource(), V1);
        ResourceProcessor timingOut = fixture.processor(ProcessSettings.DEFAULTS, command -> {
            if (ProcessorFixture.shellLine(command).startsWith("check")) {
                throw new CommandTimeoutException(command);
            }
            return new CommandResult(command, 0, "", "");
        });

        Outcome outcome = timingOut.process(fixture.resource(), V2);

        assertThat(outcome).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        assertThat(fixture.counters.of("app.toml").checkFailures()).isEqualTo(1);
        assertThat(fixture.leftovers()).isEmpty();
    }

    @Test
    void aReloadThatTimesOutIsAFailedReloadAndIsRetried() throws Exception {
        ResourceProcessor timingOut = fixture.processor(ProcessSettings.DEFAULTS, command -> {
            if (ProcessorFixture.shellLine(command).equals(ProcessorFixture.RELOAD)) {
                throw new CommandTimeoutException(command);
            }
            return new CommandResult(command, 0, "", "");
        });
        TemplateResource resource = fixture.resource();

        assertThat(timingOut.process(resource, V1)).isEqualTo(Outcome.RELOAD_FAILED);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        assertThat(fixture.counters.of("app.toml").reloadFailures()).isEqualTo(1);
        assertThat(timingOut.process(resource, V1)).as("the owed reload is retried").isEqualTo(Outcome.RELOAD_FAILED);
        assertThat(fixture.counters.of("app.toml").reloadFailures()).isEqualTo(2);
    }

    @Test
    void realShellRunsTheCheckOnTheStagedFileAndKillsAReloadPastItsTimeout() throws Exception {
        ResourceProcessor real = fixture.processor(new ProcessSettings(false, false, false, Duration.ofMillis(200)),
                new ProcessCommandRunner());
        // quotes and && only work if the line goes through /bin/sh, not straight to exec
        TemplateResource resource = fixture.resourceWithCommands("grep -q 'port = 80' {{.src}} && test -s {{.src}}", "sleep 600");

        Outcome outcome = real.process(resource, V1);

        assertThat(outcome).isEqualTo(Outcome.RELOAD_FAILED);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        assertThat(fixture.counters.of("app.toml").checkFailures()).isZero();
        assertThat(fixture.counters.of("app.toml").reloadFailures()).isEqualTo(1);
        assertThat(fixture.leftovers()).isEmpty();
    }

    @Test
    void aFailedCheckLogsTheTemplateAndTheRejectedLineAndCountsIt() throws Exception {
        ResourceProcessor real = fixture.processor(ProcessSettings.DEFAULTS, new ProcessCommandRunner());
        KvView two = KvView.of(Map.of("/app/a", "1", "/app/port", "99999999999"));
        // a checker that, like bird -p, names the file it read and the line: "<file>:<line>:<col> <what>"
        TemplateResource resource = fixture.resourceWithCommands(
                "if grep -q 99999999999 {{.src}}; then echo \"bird: {{.src}}:2:8 Number out of range\" >&2; exit 1; fi",
                "true");
        real.process(resource, V1);

        List<String> logged;
        Outcome outcome;
        try (LogCapture capture = new LogCapture(ResourceProcessor.class)) {
            outcome = real.process(resource, two);
            logged = capture.messages();
        }

        assertThat(outcome).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        assertThat(fixture.counters.of("app.toml").checkFailures()).isEqualTo(1);
        assertThat(logged).anySatisfy(line -> assertThat(line)
                .startsWith("ERROR app.toml: check_cmd rejected the new " + fixture.dest)
                .contains("rendered from template app.ftl at rendered line 2: `port = 99999999999`;")
                .contains("Number out of range"));
    }

    @Test
    void reloadFailuresAreWarningsUntilFiveInARow() throws Exception {
        ResourceProcessor processor = fixture.processor(ProcessSettings.DEFAULTS);
        fixture.failWhen(command -> command.startsWith("reload"));
        List<String> logged;
        try (LogCapture capture = new LogCapture(ResourceProcessor.class)) {
            for (int i = 0; i < ResourceProcessor.RELOAD_FAILURES_BEFORE_ERROR; i++) {
                assertThat(processor.process(fixture.resource(), V1)).isEqualTo(Outcome.RELOAD_FAILED);
            }
            logged = capture.messages();
        }
        assertThat(logged).filteredOn(line -> line.contains("reload_cmd failed")).extracting(line -> line.split(" ")[0])
                .containsExactly("WARN", "WARN", "WARN", "WARN", "ERROR");
    }
}
