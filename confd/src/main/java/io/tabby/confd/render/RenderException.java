package io.tabby.confd.render;

/** A template that could not be rendered; the message names the template, the line and the problem. */
public final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String template;
    private final int line;

    public RenderException(String template, int line, String problem, Throwable cause) {
        super(template + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.template = template;
        this.line = line;
    }

    public String template() {
        return template;
    }

    /** The template line the problem is on, or 0 when not known. */
    public int line() {
        return line;
    }
}
