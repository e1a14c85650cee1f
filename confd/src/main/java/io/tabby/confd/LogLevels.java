package io.tabby.confd;

import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** confd's {@code -log-level} names (logrus: debug, info, warning, error, fatal, panic) on log4j. */
final class LogLevels {
    private LogLevels() {}

    static void apply(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        Level level = switch (name.toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error" -> Level.ERROR;
            case "fatal", "panic" -> Level.FATAL;
            default -> throw new IllegalArgumentException(
                    "-log-level " + name + " is not a level; use debug, info, warning or error");
        };
        Configurator.setLevel("io.tabby", level);
    }
}
