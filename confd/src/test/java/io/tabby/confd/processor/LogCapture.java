package io.tabby.confd.processor;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Collects what one logger logs while it is open (log4j2 core, attached to that logger's config). */
final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<String> messages = new ArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig config;

    LogCapture(Class<?> logger) {
        super("capture-" + logger.getSimpleName(), null, null, true, Property.EMPTY_ARRAY);
        start();
        config = new LoggerConfig(logger.getName(), Level.ALL, true);
        config.addAppender(this, Level.ALL, null);
        context.getConfiguration().addLogger(logger.getName(), config);
        context.updateLoggers();
    }

    @Override
    public synchronized void append(LogEvent event) {
        messages.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        context.getConfiguration().removeLogger(config.getName());
        context.updateLoggers();
        stop();
    }
}
