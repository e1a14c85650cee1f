package io.tabby.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.UnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtlMainTest {

    private final List<EtcdSettings> opened = new ArrayList<>();

    private final BackendFactory unreachable = settings -> {
        opened.add(settings);
        throw new UnavailableException("connection refused");
    };

    private CtlRun run(String... args) {
        return CtlRun.run("", Map.of(), unreachable, args);
    }

    @Test
    void clientVersionNeedsNoDatastore() {
        CtlRun run = run("version", "--client");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).matches("Client Version: {4}\\S+\n");
        assertThat(opened).isEmpty();
    }

    @Test
    void versionReportsAnUnreachableEtcdWithoutFailing() {
        CtlRun run = run("version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Datastore:         etcdv3 http://127.0.0.1:2379 (from default)\n")
                .contains("Etcd Reachable:    no: connection refused\n");
    }

    @Test
    void helpNeedsNoDatastoreAndDocumentsExitCodes() {
        CtlRun run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: tabbyctl", "version", "completion", "Exit codes:",
                "--etcd-endpoints", "--log-level");
        assertThat(opened).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        CtlRun run = run();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing command").contains("Run 'tabbyctl --help' for usage.");
    }

    @Test
    void unknownCommandIsAUsageErrorWithSuggestions() {
        CtlRun run = run("verison");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("verison").contains("version");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        CtlRun before = run("--etcd-endpoints", "http://10.0.0.1:2379", "version");
        CtlRun after = run("version", "--etcd-endpoints", "http://10.0.0.2:2379");

        assertThat(before.out()).contains("etcdv3 http://10.0.0.1:2379 (from --etcd-endpoints)");
        assertThat(after.out()).contains("etcdv3 http://10.0.0.2:2379 (from --etcd-endpoints)");
    }

    @Test
    void settingsComeFromFlagThenEnvironmentThenConfigFile(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("tabbyctl.cfg"), """
                apiVersion: projectcalico.org/v3
                kind: CalicoAPIConfig
                spec:
                  datastoreType: etcdv3
                  etcdEndpoints: http://from-file:2379
                """);
        Map<String, String> env = Map.of("ETCD_ENDPOINTS", "http://from-env:2379");

        CtlRun file = CtlRun.run("", Map.of(), unreachable, "version", "-c", config.toString());
        CtlRun envWins = CtlRun.run("", env, unreachable, "version", "-c", config.toString());
        CtlRun flagWins = CtlRun.run("", env, unreachable, "version", "-c", config.toString(),
                "--etcd-endpoints", "http://from-flag:2379");

        assertThat(file.out()).contains("etcdv3 http://from-file:2379 (from config file " + config + " (spec.etcdEndpoints))");
        assertThat(envWins.out()).contains("etcdv3 http://from-env:2379 (from ETCD_ENDPOINTS)");
        assertThat(flagWins.out()).contains("etcdv3 http://from-flag:2379 (from --etcd-endpoints)");
        assertThat(opened).extracting(settings -> settings.endpoints().getFirst())
                .containsExactly("http://from-file:2379", "http://from-env:2379", "http://from-flag:2379");
    }

    @Test
    void malformedOrMissingExplicitConfigFileFailsNamingIt(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.cfg"), "apiVersion: projectcalico.org/v3\nkind: [\n");
        Path missing = dir.resolve("missing.cfg");

        CtlRun malformed = run("get", "nodes", "--config", broken.toString());
        CtlRun absent = run("-c", missing.toString(), "get", "nodes");

        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(malformed.err()).startsWith("Failed to create the datastore client: config file " + broken + " is not valid YAML or JSON at line ");
        assertThat(absent.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(absent.err()).startsWith("Failed to create the datastore client: cannot read config file " + missing + ": no such file");
        assertThat(opened).isEmpty();
    }

    @Test
    void badLogLevelListsTheValidOnes() {
        CtlRun run = run("-l", "loud", "version", "--client");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown log level 'loud'; expected one of: panic, fatal, error, warn, info, debug, trace");
    }

    @Test
    void logLevelIsAcceptedOnEitherSide() {
        assertThat(run("-l", "debug", "version", "--client").exitCode()).isZero();
        assertThat(run("version", "--client", "--log-level", "info").exitCode()).isZero();
    }

    @Test
    void completionPrintsAScriptCoveringCommandsAndOptions() {
        for (String shell : List.of("bash", "zsh")) {
            CtlRun run = run("completion", shell);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("complete -F", "tabbyctl", "version", "--etcd-endpoints", "ZSH_VERSION");
        }
        assertThat(opened).isEmpty();
    }

    @Test
    void completionForAnUnknownShellIsAUsageError() {
        CtlRun run = run("completion", "fish");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("fish").contains("BASH, ZSH");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("version", "completion")) {
            CtlRun run = run(command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: tabbyctl " + command).contains("Exit codes:");
        }
    }
}
