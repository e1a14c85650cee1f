package io.tabby.confd.resource;

/** A template resource file that cannot be used; the message names the file, the line and the fix. */
public final class TemplateResourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateResourceException(String message) {
        super(message);
    }

    public TemplateResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
