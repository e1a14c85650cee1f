package io.tabby.node.startup;

/** Start-up cannot complete; the message says what is wrong and what to do. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
