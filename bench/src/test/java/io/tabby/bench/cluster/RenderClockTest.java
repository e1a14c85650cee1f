package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderClockTest {
    @TempDir
    Path dir;

    @Test
    void aStagedFileKeepsItsWriteTimeAndGetsItsInstallTimeFromTheRename() throws Exception {
        Path stage = Files.writeString(dir.resolve(".bird_aggr.cfg123"), "protocol static {}\n");
        Instant written = Instant.parse("2026-01-01T00:00:00Z");
        Files.setLastModifiedTime(stage, FileTime.from(written));
        Path dest = dir.resolve("bird_aggr.cfg");
        Files.move(stage, dest, StandardCopyOption.ATOMIC_MOVE);
        RenderClock clock = RenderClock.of(dest);
        assertThat(clock.written()).isEqualTo(written);
        assertThat(clock.installed()).isAfter(written);
    }
}
