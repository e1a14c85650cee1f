package io.tabby.confd.birdtemplates;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.confd.ConfdService;
import io.tabby.confd.ConfdSettings;
import io.tabby.confd.RunMode;
import io.tabby.confd.functions.HostContext;
import io.tabby.confd.functions.HostLookup;
import io.tabby.confd.processor.Outcome;
import io.tabby.confd.processor.ProcessSettings;
import io.tabby.platform.testing.RecordingCommandRunner;
import io.tabby.datastore.testing.InMemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders the repository's {@code templates/} confdir for one scenario and node with confd's
 * {@code -onetime -sync-only}, into a directory of the test's: the template resources are copied
 * with their {@code dest} moved from {@code /etc/calico/confd/config/} to that directory, so that
 * BIRD's relative {@code include}s find each other there as they do on a node.
 */
final class TemplatesRenderer {
    /** The confdir this module's tests check: {@code <repo>/templates}. */
    static final Path CONFDIR = Path.of(System.getProperty("basedir", ".")).resolve("../templates").normalize();
    static final String DEST_DIR = "/etc/calico/confd/config/";

    private TemplatesRenderer() {}

    /**
     * @param work an empty directory; gets {@code confd/} (the rewritten confdir) and {@code config/}
     * @return the rendered files in {@code work/config}, by file name
     */
    static Map<String, Path> render(BirdScenario scenario, String node, Path work) throws Exception {
        Path confdir = work.resolve("confd");
        Path out = work.resolve("config");
        Files.createDirectories(out);
        copyConfdir(confdir, out);
        Map<String, String> env = new HashMap<>(scenario.environment());
        env.put("NODENAME", node);
        try (var backend = new InMemoryBackend()) {
            scenario.keys().forEach((key, value) -> backend.put(key, value, 0));
            var settings = ConfdSettings.of(confdir, RunMode.ONETIME)
                    .withProcess(new ProcessSettings(false, true, false, Duration.ofSeconds(10)));
            var service = new ConfdService(settings, backend,
                    new HostContext(env, InstantSource.system(), HostLookup.NONE), new RecordingCommandRunner());
            Map<String, Outcome> outcomes = service.runOnce();
            assertThat(outcomes).as("outcome of every template resource for %s/%s", scenario, node)
                    .allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo(Outcome.UPDATED));
        }
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(out)) {
            list.forEach(p -> files.put(p.getFileName().toString(), p));
        }
        return files;
    }

    private static void copyConfdir(Path confdir, Path out) throws IOException {
        Path templates = confdir.resolve("templates");
        try (Stream<Path> walk = Files.walk(CONFDIR)) {
            for (Path source : walk.toList()) {
                Path target = confdir.resolve(CONFDIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.toString().endsWith(".toml")) {
                    Files.writeString(target, Files.readString(source).replace(DEST_DIR, out + "/"));
                } else if (source.startsWith(CONFDIR.resolve("templates"))) {
                    Files.copy(source, target);
                }
            }
        }
        assertThat(templates).as("templates copied from %s", CONFDIR).isDirectory();
    }
}
