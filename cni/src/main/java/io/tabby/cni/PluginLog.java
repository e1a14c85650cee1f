package io.tabby.cni;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

/**
 * The plugin's optional log: plain lines appended to the config's {@code log_file_path}. No
 * logging framework, to keep start-up cheap. Failures to write are ignored on purpose: a full disk
 * must not fail a pod's networking. {@code debug} lines are written only at {@code log_level} debug.
 */
final class PluginLog {
    private final Optional<Path> file;
    private final boolean debug;
    private final Clock clock;

    PluginLog(Optional<Path> file, boolean debug, Clock clock) {
        this.file = file;
        this.debug = debug;
        this.clock = clock;
    }

    static PluginLog none() {
        return new PluginLog(Optional.empty(), false, Clock.systemUTC());
    }

    void info(String line) {
        append("INFO", line);
    }

    void debug(String line) {
        if (debug) {
            append("DEBUG", line);
        }
    }

    void error(String line) {
        append("ERROR", line);
    }

    private void append(String level, String line) {
        if (file.isEmpty()) {
            return;
        }
        String text = clock.instant() + " " + level + " " + line.replace('\n', ' ') + "\n";
        try {
            Path parent = file.get().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file.get(), text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException ignored) {
            // best effort by design, see the class comment
        }
    }
}
