package io.tabby.bird.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads configuration files; the parser asks it for the root file and every include. */
@FunctionalInterface
public interface ConfigFiles {

    /** The real file system, UTF-8. */
    ConfigFiles FILE_SYSTEM = Files::readString;

    /** The text of {@code file}; any failure (missing, unreadable, not UTF-8) is an IOException. */
    String read(Path file) throws IOException;
}
