package io.tabby.bird.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The session package stays pure: no Netty, no sockets, no wall clock (model-codebases §5 rule 3). */
class PurityTest {
    private static final Path SOURCES = Path.of("src/main/java/io/tabby/bird/session");
    private static final List<String> FORBIDDEN = List.of("io.netty", "java.net.Socket", "java.nio.channels",
            "currentTimeMillis", "nanoTime", "Instant.now", "java.time.Clock", "InstantSource", "Thread.sleep",
            "java.util.concurrent");

    @Test
    void noSourceFileReachesForIoOrTime() throws IOException {
        assertThat(SOURCES).isDirectory();
        try (Stream<Path> files = Files.list(SOURCES)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(sources).hasSizeGreaterThan(10);
            for (Path source : sources) {
                String text = Files.readString(source);
                for (String forbidden : FORBIDDEN) {
                    assertThat(text).as("%s uses %s", source.getFileName(), forbidden).doesNotContain(forbidden);
                }
            }
        }
    }
}
