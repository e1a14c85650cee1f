package io.tabby.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * When confd last wrote and installed a file it renders: confd writes a stage file (its mtime),
 * runs check_cmd, then renames it over the destination (which sets the ctime) and runs reload_cmd.
 */
record RenderClock(Instant written, Instant installed) {

    static RenderClock of(Path file) throws IOException {
        FileTime mtime = Files.getLastModifiedTime(file);
        FileTime ctime = (FileTime) Files.getAttribute(file, "unix:ctime");
        return new RenderClock(mtime.toInstant(), ctime.toInstant());
    }
}
