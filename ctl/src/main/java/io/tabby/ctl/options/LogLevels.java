package io.tabby.ctl.options;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Applies a {@link LogLevel} to log4j (our logs, jetcd's through slf4j) and to java.util.logging (grpc's). */
public final class LogLevels {

    private LogLevels() {}

    public static void apply(LogLevel level) {
        Configurator.setRootLevel(level.log4jLevel());
        // jetcd warns about each retry of an unreachable etcd; tabbyctl's own error says it once,
        // so at the default level those warnings are noise. -l info or more verbose shows them.
        Configurator.setLevel("io.etcd.jetcd", level == LogLevel.WARN ? Level.ERROR : level.log4jLevel());
        java.util.logging.Logger.getLogger("").setLevel(level.julLevel());
        for (var handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setLevel(level.julLevel());
        }
    }
}
