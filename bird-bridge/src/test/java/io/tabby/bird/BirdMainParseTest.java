package io.tabby.bird;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.RouterFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tabby-bird -p}: every configuration confd renders parses; a broken one is named by file:line:col. */
class BirdMainParseTest {

    private static final Path GOLDENS = Path.of("..", "confd", "src", "test", "resources", "birdtemplates");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(RouterFamily family, String... argv) {
        return BirdMain.run(List.of(argv), family, "tabby-bird", new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyRenderedGoldenParsesSilently() throws IOException {
        List<Path> roots;
        try (Stream<Path> files = Files.walk(GOLDENS)) {
            roots = files.filter(p -> p.getFileName().toString().matches("bird6?\\.cfg")).sorted().toList();
        }
        assertThat(roots).hasSizeGreaterThanOrEqualTo(10);
        for (Path root : roots) {
            RouterFamily family = root.getFileName().toString().equals("bird6.cfg") ? RouterFamily.IPV6 : RouterFamily.IPV4;
            assertThat(run(family, "-p", "-c", root.toString())).as("%s: %s", root, err).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void brokenFileExitsOneWithItsPosition(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bird.cfg");
        Files.writeString(config, "router id 10.0.0.1;\nprotocol kernel {\n  frobnicate;\n}\n");

        assertThat(run(RouterFamily.IPV4, "-p", "-c", config.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tabby-bird: " + config + ":3:3 ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void unknownOptionAndHelp() {
        assertThat(run(RouterFamily.IPV4, "-x")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '-x'").contains("Usage: tabby-bird");

        assertThat(run(RouterFamily.IPV4, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("never daemonizes").contains("-p");
    }
}
